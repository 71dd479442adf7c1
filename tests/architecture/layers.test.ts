import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Dependencies point one way: every import (type-only ones too) goes from a folder of `src/` to one of a lower
 * layer. Folders of one layer do not import each other, so no feature imports another feature and no two
 * folders form a cycle. The layers, bottom up, are listed here and in the README's Layout table.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["time", "types"],
  ["tags", "links", "config", "logger"],
  ["recall"],
  ["views"],
  // stats: the figures and chart of /stats and the Mini App, from histories the store reads.
  ["search", "notes", "digest", "stats"],
  // Pure readers and writers of the outside world's formats and pages, and the connection: core below them only.
  ["db", "portable", "fetch", "emulator", "png"],
  ["store"],
  // Telegram plumbing and the services features share.
  ["telegram", "capture"],
  // miniapp: the Mini App's HTTP API (initData sign-in, library queries) and its page, served by server/.
  ["imports", "questions", "lists", "digest-delivery", "miniapp"],
  ["jobs"],
  ["features/*"],
  ["bot", "server", "cli"],
  // The try-it page: the emulator and a chat page, started by main when there is no token.
  ["playground"],
  ["app"],
  ["main"],
];

/** Pairs the layers alone would allow, but that must not be: the store hands out rows, never rendered text. */
const FORBIDDEN: readonly [string, string][] = [["store", "views"]];

const SRC = new URL("../../src", import.meta.url).pathname;

/** A file's folder as the layers name it: a top folder of src/, one feature, or a file at the top ("app"). */
export function folderOf(file: string): string {
  const [top, second] = file.split("/");
  if (second === undefined) return top!.replace(/\.ts$/, "");
  return top === "features" ? `features/${second.replace(/\.ts$/, "")}` : top!;
}

function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder) || (folder.startsWith("features/") && layer.includes("features/*")));
}

/** Every relative import of every file under src/, as [from, to] paths relative to src/. */
function imports(): [string, string][] {
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  return files.flatMap((file) =>
    [...readFileSync(join(SRC, file), "utf8").matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/gms)].map((match): [string, string] => [
      file,
      relative(SRC, resolve(dirname(join(SRC, file)), match[1]!)).replace(/\.js$/, ".ts"),
    ]),
  );
}

/** The imports that break the layering: into a higher or the same layer, or into a folder no layer names. */
export function violations(edges: readonly [string, string][]): string[] {
  return edges.flatMap(([from, to]) => {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a === b) return [];
    const [above, below] = [layerOf(a), layerOf(b)];
    const forbidden = FORBIDDEN.some(([x, y]) => x === a && y === b);
    return above === -1 || below === -1 || below >= above || forbidden ? [`${from} -> ${to}`] : [];
  });
}

describe("the layers of src/", () => {
  it("has every import point down a layer", () => {
    const edges = imports();
    expect(edges.length).toBeGreaterThan(300);
    expect(violations(edges)).toEqual([]);
  });

  it("catches an upward import, a feature importing another, and a folder no layer names", () => {
    expect(violations([["store/links.ts", "views/html.ts"]])).toEqual(["store/links.ts -> views/html.ts"]);
    expect(violations([["features/tags/index.ts", "features/unread/index.ts"]])).toEqual(["features/tags/index.ts -> features/unread/index.ts"]);
    expect(violations([["bot/create-bot.ts", "features/tags/index.ts"]])).toEqual([]);
    expect(violations([["surprise/x.ts", "time/local-date.ts"]])).toEqual(["surprise/x.ts -> time/local-date.ts"]);
  });
});
