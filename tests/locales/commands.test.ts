import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

/** Each message id of a Fluent file with the variables it uses, sorted. */
function messages(path: string): Record<string, string[]> {
  const text = readFileSync(`${root}${path}`, "utf8").replace(/^#.*$/gm, "");
  const blocks = text.split(/^(?=[a-z][a-z0-9-]*\s*=)/m).filter((block) => /^[a-z]/.test(block));
  return Object.fromEntries(
    blocks.map((block) => [/^([a-z][a-z0-9-]*)/.exec(block)![1]!, [...new Set([...block.matchAll(/\$([a-z_]+)/g)].map((m) => m[1]!))].sort()]),
  );
}

describe("the commands' words in Chinese", () => {
  it("has every key of the English file, with the same variables", () => {
    const english = messages("locales/en/commands.ftl");
    expect(Object.keys(english).length).toBeGreaterThan(5);
    expect(messages("locales/zh/commands.ftl")).toEqual(english);
  });
});
