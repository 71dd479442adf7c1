import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isJsonText, JSON_READERS, parseJsonFile } from "../../src/portable/json-formats.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { parseZip } from "../../src/portable/zip.js";
import { fileInEnglish, inEnglish } from "../support/problems-in-english.js";

const context = { timeZone: "UTC", now: Date.UTC(2026, 10, 25) };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const read = (name: string) => parseJsonFile(fixture(name), context);
const unread = { notes: [], read: false, readAt: null };

describe("Linkwarden's backup.json", () => {
  const parsed = read("linkwarden-backup.json");

  it("reads every collection's links: the collection as a tag (not Unorganized), the description as a note", () => {
    expect(parsed.format).toBe("Linkwarden JSON");
    expect(parsed.links).toEqual([
      {
        ...unread,
        url: "https://dataintensive.net/",
        title: "Designing Data-Intensive Applications",
        tags: ["databases"],
        savedAt: Date.UTC(2023, 2, 4, 10, 20, 30),
      },
      {
        ...unread,
        url: "https://zh.d2l.ai/",
        title: "动手学深度学习",
        tags: ["机器学习", "深度学习", "machine-learning"],
        notes: [{ text: "第三章讲线性回归，先看这一章。", createdAt: null }],
        savedAt: Date.UTC(2024, 4, 6, 7, 8, 9),
      },
      { ...unread, url: "https://arxiv.org/abs/1706.03762", title: null, tags: ["机器学习"], savedAt: Date.UTC(2024, 4, 8) },
    ]);
  });

  it("reports a link without an address by its place, and keeps the others", () => {
    expect(inEnglish(parsed.problems)).toEqual([{ line: 4, text: "not a link record" }]);
  });
});

describe("Karakeep's JSON export", () => {
  const parsed = read("karakeep.json");

  it("reads links with their tags, lists as tags, the note, archived as read; seconds since 1970", () => {
    expect(parsed.format).toBe("Karakeep JSON");
    expect(parsed.links).toEqual([
      {
        url: "https://kaisery.github.io/trpl-zh-cn/",
        title: "Rust 程序设计语言",
        tags: ["rust", "书", "reading-group"],
        notes: [{ text: "所有权一章读了两遍。", createdAt: null }],
        savedAt: Date.UTC(2024, 5, 1),
        read: true,
        readAt: null,
      },
      { ...unread, url: "https://example.org/untitled", title: null, tags: [], savedAt: Date.UTC(2024, 5, 2) },
    ]);
  });

  it("passes over a text bookmark, and reports one without content", () => {
    expect(inEnglish(parsed.problems)).toEqual([{ line: 4, text: "not a link record" }]);
  });
});

describe("Omnivore's export", () => {
  const links = [
    {
      ...unread,
      url: "https://karpathy.github.io/2015/05/21/rnn-effectiveness/",
      title: "The Unreasonable Effectiveness of Recurrent Neural Networks",
      tags: ["rnn", "deep-learning"],
      savedAt: Date.UTC(2024, 1, 3, 4, 5, 6, 789),
      read: true,
    },
    { ...unread, url: "https://es6.ruanyifeng.com/", title: "ECMAScript 6 入门", tags: [], savedAt: Date.UTC(2024, 1, 4, 12) },
  ];

  it("reads a metadata JSON list: Archived is read, labels are tags, the page's description is no note", () => {
    expect(read("omnivore-metadata.json")).toEqual({ format: "Omnivore JSON", links, problems: [] });
  });

  it("reads the zip of metadata files, passing over the content and highlights", () => {
    const [first, second] = JSON.parse(fixture("omnivore-metadata.json")) as unknown[];
    const zip = zipSync({
      "metadata_0_to_1.json": strToU8(JSON.stringify([first])),
      "metadata_1_to_2.json": strToU8(JSON.stringify([second])),
      "content/the-unreasonable-effectiveness.html": strToU8("<html><a href='https://elsewhere.example/'>x</a></html>"),
      "highlights/the-unreasonable-effectiveness.md": strToU8("> a highlight"),
    });
    expect(parseZip(zip, context)).toEqual({ format: "Omnivore JSON (zip)", links, problems: [] });
  });
});

describe("wallabag's JSON export", () => {
  it("reads archived as read with its time, tags, and each annotation as a note: the quote, then the words", () => {
    expect(read("wallabag.json")).toEqual({
      format: "wallabag JSON",
      links: [
        {
          url: "https://antonz.org/sqlite-is-not-a-toy-database/",
          title: "SQLite is not a toy database",
          tags: ["sqlite", "databases"],
          notes: [{ text: "> SQLite supports window functions\n\nWindow functions work here too.", createdAt: Date.UTC(2021, 5, 23, 7, 45) }],
          savedAt: Date.UTC(2021, 5, 22, 7, 30),
          read: true,
          readAt: Date.UTC(2021, 5, 23, 8),
        },
        {
          ...unread,
          url: "https://github.com/sparanoid/chinese-copywriting-guidelines",
          title: "中文文案排版指北",
          tags: ["中文排版"],
          savedAt: Date.UTC(2021, 6, 1, 12),
        },
      ],
      problems: [],
    });
  });
});

describe("Pinboard's JSON", () => {
  it("takes description as the title, extended as the note, space-separated tags, and not to-read as read", () => {
    expect(read("pinboard.json")).toEqual({
      format: "Pinboard JSON",
      links: [
        {
          ...unread,
          url: "https://lwn.net/Articles/250967/",
          title: "What every programmer should know about memory",
          tags: ["linux", "memory"],
          notes: [{ text: "Part 1 of 9; start with the CPU caches section.", createdAt: null }],
          savedAt: Date.UTC(2010, 0, 1),
        },
        {
          ...unread,
          url: "https://www.ruanyifeng.com/blog/2015/09/continuation.html",
          title: "尾调用优化",
          tags: ["函数式", "javascript"],
          savedAt: Date.UTC(2015, 8, 20, 8, 30),
          read: true,
        },
      ],
      problems: [],
    });
  });
});

describe("Chrome's Bookmarks file", () => {
  it("reads every root in order, folders below the roots as tags, dates in microseconds since 1601", () => {
    expect(read("chrome-bookmarks.json")).toEqual({
      format: "Chrome bookmarks JSON",
      links: [
        { ...unread, url: "https://doc.rust-lang.org/book/", title: "The Rust Programming Language", tags: [], savedAt: Date.UTC(2024, 0, 17, 21, 20) },
        { ...unread, url: "https://web.stanford.edu/~boyd/cvxbook/", title: "凸优化", tags: ["study", "数学"], savedAt: Date.UTC(2024, 4, 12, 15, 6, 40) },
        { ...unread, url: "https://example.org/other", title: null, tags: [], savedAt: Date.UTC(2024, 8, 5, 8, 53, 20) },
      ],
      problems: [],
    });
  });
});

describe("Firefox's bookmark backup", () => {
  it("reads bookmarks with folder and own tags, skips queries, separators and the tags root; microseconds since 1970", () => {
    expect(read("firefox-bookmarks.json")).toEqual({
      format: "Firefox bookmarks JSON",
      links: [
        {
          ...unread,
          url: "https://learnyouahaskell.github.io/",
          title: "Learn You a Haskell",
          tags: ["haskell", "functional", "books"],
          savedAt: Date.UTC(2023, 10, 16, 2, 0, 0, 123),
        },
        { ...unread, url: "https://csapp.cs.cmu.edu/", title: "深入理解计算机系统", tags: [], savedAt: Date.UTC(2023, 10, 17, 5, 46, 40) },
      ],
      problems: [],
    });
  });
});

describe("telling JSON formats apart", () => {
  it.each([
    ["backup.json", "linkwarden-backup.json", "Linkwarden JSON"],
    ["karakeep-export.json", "karakeep.json", "Karakeep JSON"],
    ["metadata_0_to_2.json", "omnivore-metadata.json", "Omnivore JSON"],
    ["wallabag-all-articles.json", "wallabag.json", "wallabag JSON"],
    ["pinboard_export.json", "pinboard.json", "Pinboard JSON"],
    ["bookmarks-2026-11-25.json", "firefox-bookmarks.json", "Firefox bookmarks JSON"],
    ["Bookmarks", "chrome-bookmarks.json", "Chrome bookmarks JSON"],
    ["download", "linkwarden-backup.json", "Linkwarden JSON"],
    ["download", "wallabag.json", "wallabag JSON"],
    ["linklog.json", "linklog.json", "linklog JSON"],
  ])("reads %s (%s) as %s, by its shape", (name, file, format) => {
    const parsed = parseImportFile(name, readFileSync(new URL(`../fixtures/${file}`, import.meta.url)), context);
    expect(parsed.format).toBe(format);
    expect(parsed.links.length).toBeGreaterThan(0);
  });

  const unknown =
    "I don’t know this JSON: it is none of the formats I read (linklog, Linkwarden, Karakeep (Hoarder), Omnivore, wallabag, Pinboard, Chrome bookmarks, Firefox bookmarks, Telegram Desktop (result.json))";

  it.each([
    ["an object of another program", '{"name": "my-package", "version": "1.0.0", "dependencies": {}}'],
    ["a list of other records", '[{"id": 1, "email": "ada@example.org"}]'],
    ["an empty list", "[]"],
    ["a list of numbers", "[1, 2, 3]"],
  ])("answers %s that it does not know this JSON, naming the formats known", (_, text) => {
    expect(fileInEnglish(parseJsonFile(text, context))).toEqual({ format: "JSON", links: [], problems: [{ line: 1, text: unknown }] });
  });

  it("answers a .json file of unknown shape in one line, not with a markdown reading of every line", () => {
    const text = JSON.stringify({ urls: ["https://example.org/a", "https://example.org/b"] }, null, 2);
    expect(fileInEnglish(parseImportFile("data.json", strToU8(text), context))).toEqual({ format: "JSON", links: [], problems: [{ line: 1, text: unknown }] });
    expect(parseImportFile("download", strToU8(text), context).format).toBe("JSON");
  });

  it("lists a reader added to the table in the unknown answer", () => {
    expect(JSON_READERS.map((reader) => reader.format)).toContain("linklog JSON");
  });

  it("sniffs an object or a list of objects as JSON, not a markdown line that starts with a link", () => {
    expect(["{}", ' \n[{"a":1}]', "[ ]"].map(isJsonText)).toEqual([true, true, true]);
    expect(["[Rust book](https://doc.rust-lang.org/book/)", "# [x]", "- [ ] todo"].map(isJsonText)).toEqual([false, false, false]);
    expect(parseImportFile("download", strToU8("[Rust book](https://doc.rust-lang.org/book/)\n"), context).format).toBe("markdown log");
  });

  it("says when a JSON file is broken or nests too deep, whatever format it was meant to be", () => {
    expect(inEnglish(parseJsonFile('[\n{"href": "https://a.b/",\n oops}]', context).problems)).toEqual([{ line: 3, text: "this is not valid JSON" }]);
    expect(inEnglish(parseJsonFile(`${"[".repeat(40)}${"]".repeat(40)}`, context).problems)).toEqual([
      { line: 1, text: "this JSON nests deeper than 32 levels, more than any export I know" },
    ]);
  });

  it("stops at the link cap in every reader", () => {
    const parsed = parseJsonFile(fixture("pinboard.json"), { ...context, maxLinks: 1 });
    expect(parsed.links.map((link) => link.url)).toEqual(["https://lwn.net/Articles/250967/"]);
    expect(parsed.cutAt).toBe(1);
  });
});
