import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonHead, jsonItem, jsonTail, parseLinklogJson } from "../../src/portable/linklog-json.js";
import { MAX_PROBLEMS } from "../../src/portable/problems.js";
import { fileInEnglish, inEnglish } from "../support/problems-in-english.js";

const fixture = readFileSync(new URL("../fixtures/linklog.json", import.meta.url), "utf8");

describe("linklog's JSON export", () => {
  const parsed = parseLinklogJson(fixture);

  it("reads every field of a good record, each note with its own date", () => {
    expect(parsed.format).toBe("linklog JSON");
    expect(parsed.links[0]).toEqual({
      url: "https://doc.rust-lang.org/book/",
      title: "The Rust Programming Language",
      tags: ["rust", "book"],
      notes: [
        { text: "Ownership chapter twice.", createdAt: Date.UTC(2023, 6, 2, 9) },
        { text: "=SUM(A1) is not a formula here\n\nand a second paragraph", createdAt: Date.UTC(2023, 6, 3, 21, 15, 0, 500) },
      ],
      savedAt: Date.UTC(2023, 6, 1),
      read: true,
      readAt: Date.UTC(2023, 6, 5, 12, 30),
    });
  });

  it("reads a date with an offset as the instant it names, and null as unknown", () => {
    expect(parsed.links[1]).toEqual({
      url: "https://example.org/untitled",
      title: null,
      tags: [],
      notes: [],
      savedAt: Date.UTC(2024, 0, 1),
      read: false,
      readAt: null,
    });
  });

  it("reports a bad record by its place in the list, naming the field, and keeps the good ones", () => {
    expect(parsed.links).toHaveLength(2);
    expect(inEnglish(parsed.problems).map((problem) => [problem.line, problem.text.split(":")[0]])).toEqual([
      [3, "saved_at"],
      [4, "url"],
    ]);
  });

  it("normalizes tags of a hand-edited file", () => {
    const text = JSON.stringify({ format: "linklog", version: 1, links: [{ url: "https://example.org/", tags: ["#Rust", "rust", "Machine Learning"] }] });
    expect(parseLinklogJson(text).links[0]!.tags).toEqual(["rust", "machine-learning"]);
  });
});

describe("JSON that is not linklog's", () => {
  it.each([
    ["broken JSON", '{\n  "format": "linklog",\n  oops\n}', 3, "this is not valid JSON"],
    ["another program's JSON", '{"bookmarks": []}', 1, 'not a linklog export: it needs "format": "linklog", a "version" and a list of "links"'],
    ["a newer version", '{"format": "linklog", "version": 2, "links": []}', 1, "written by a newer linklog (format version 2); update this bot first"],
  ])("%s gives no links and one clear problem", (_, text, line, problem) => {
    expect(fileInEnglish(parseLinklogJson(text))).toEqual({ format: "linklog JSON", links: [], problems: [{ line, text: problem }] });
  });

  it("keeps the first problems of a file full of bad records and counts the rest", () => {
    const text = JSON.stringify({ format: "linklog", version: 1, links: Array.from({ length: MAX_PROBLEMS + 500 }, () => ({ url: 1 })) });
    const { problems } = parseLinklogJson(text);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(inEnglish(problems).at(-1)).toEqual({ line: MAX_PROBLEMS + 1, text: "… and 500 more problems from here on" });
  });
});

describe("the JSON linklog writes", () => {
  const link = { url: "https://example.org/", title: null, tags: ["a"], notes: [{ text: "n", createdAt: null }], savedAt: 0, read: false, readAt: null };

  it("streams one valid document: a head, records a comma apart, a tail", () => {
    const text = jsonHead(Date.UTC(2026, 10, 25)) + jsonItem(link, 0) + jsonItem(link, 1) + jsonTail();
    const value = JSON.parse(text);
    expect(value).toMatchObject({ format: "linklog", version: 1, exported_at: "2026-11-25T00:00:00.000Z" });
    expect(value.links).toEqual([
      {
        url: "https://example.org/",
        title: null,
        tags: ["a"],
        saved_at: "1970-01-01T00:00:00.000Z",
        read: false,
        read_at: null,
        notes: [{ text: "n", created_at: null }],
      },
      expect.objectContaining({ url: "https://example.org/" }),
    ]);
  });

  it("writes an empty log as a document with no links", () => {
    expect(parseLinklogJson(jsonHead(0) + jsonTail())).toEqual({ format: "linklog JSON", links: [], problems: [] });
  });
});
