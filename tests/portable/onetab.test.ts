import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isOneTab, parseOneTab } from "../../src/portable/onetab.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { inEnglish } from "../support/problems-in-english.js";

const context = { timeZone: "Europe/Berlin", now: Date.UTC(2026, 10, 25) };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

describe("OneTab's exported URLs", () => {
  const text = fixture("onetab.txt");

  it("reads each `URL | Title` line as a link with its title, across the blank lines between groups", () => {
    const parsed = parseOneTab(text);
    expect(parsed.format).toBe("OneTab");
    expect(parsed.links).toEqual([
      { url: "https://www.paulgraham.com/greatwork.html", title: "How to Do Great Work", tags: [], notes: [], savedAt: null, read: false, readAt: null },
      {
        url: "https://doc.rust-lang.org/book/",
        title: "The Rust Programming Language - The Rust Programming Language",
        tags: [],
        notes: [],
        savedAt: null,
        read: false,
        readAt: null,
      },
      {
        url: "https://zh.wikipedia.org/wiki/%E4%B8%AD%E6%96%87",
        title: "中文 - 维基百科，自由的百科全书",
        tags: [],
        notes: [],
        savedAt: null,
        read: false,
        readAt: null,
      },
      { url: "https://example.org/", title: null, tags: [], notes: [], savedAt: null, read: false, readAt: null },
    ]);
    expect(inEnglish(parsed.problems)).toEqual([{ line: 6, text: "not a line of OneTab" }]);
  });

  it("is told by its lines, not its name: a .txt, a .md or a file without a name", () => {
    for (const name of ["onetab.txt", "tabs.md", "download"]) {
      const parsed = parseImportFile(name, new TextEncoder().encode(text), context);
      expect(parsed.format).toBe("OneTab");
      expect(parsed.links.map((link) => link.title)).toContain("How to Do Great Work");
    }
  });

  it("leaves a markdown log to the markdown log reader", () => {
    expect(isOneTab(fixture("study-log.md"))).toBe(false);
    expect(isOneTab("https://example.org/ a title\nhttps://example.org/b | b")).toBe(false);
    expect(isOneTab("\n\nhttps://example.org/ | a\r\nhttps://example.org/b | b\r\n")).toBe(true);
    expect(isOneTab("")).toBe(false);
  });
});
