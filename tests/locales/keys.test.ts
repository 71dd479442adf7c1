import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Message ids defined in the English Fluent files (terms and attributes aside). */
function englishKeys(): Set<string> {
  const keys = filesUnder("locales/en", ".ftl").flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((match) => match[1]!),
  );
  return new Set(keys);
}

describe("translations", () => {
  it("define every key the code asks for by name", () => {
    const keys = englishKeys();
    const used = filesUnder("src", ".ts").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)].map((match) => ({ file: file.slice(root.length), key: match[1]! })),
    );
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter(({ key }) => !keys.has(key))).toEqual([]);
  });
});
