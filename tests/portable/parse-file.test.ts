import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { fileInEnglish, inEnglish } from "../support/problems-in-english.js";

const context = { timeZone: "UTC", now: Date.UTC(2026, 10, 25) };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);

describe("choosing the reader for an uploaded file", () => {
  it.each([
    ["bookmarks.html", "bookmarks-firefox.html", "Netscape bookmarks HTML"],
    ["ril_export.html", "pocket.html", "Pocket HTML"],
    ["Bookmarks.HTM", "bookmarks-chrome.html", "Netscape bookmarks HTML"],
    ["part_000000.csv", "pocket.csv", "Pocket CSV"],
    ["export.csv", "raindrop.csv", "Raindrop CSV"],
    ["linklog-2026-11-25.json", "linklog.json", "linklog JSON"],
    ["instapaper-export.csv", "instapaper.csv", "Instapaper CSV"],
    ["download", "instapaper-old.csv", "Instapaper CSV"],
    ["instapaper-export.html", "instapaper.html", "Instapaper HTML"],
    ["Reader-export.csv", "readwise-reader.csv", "Readwise Reader CSV"],
    ["download", "readwise-reader.csv", "Readwise Reader CSV"],
    ["onetab.txt", "onetab.txt", "OneTab"],
    ["download", "onetab.txt", "OneTab"],
    ["study-log.md", "study-log.md", "markdown log"],
  ])("reads %s (%s) as %s", (name, file, format) => {
    const parsed = parseImportFile(name, fixture(file), context);
    expect(parsed.format).toBe(format);
    expect(parsed.links.length).toBeGreaterThan(0);
  });

  it.each([
    ["linklog.json", "linklog JSON"],
    ["bookmarks-firefox.html", "Netscape bookmarks HTML"],
    ["pocket.html", "Pocket HTML"],
    ["raindrop.csv", "Raindrop CSV"],
  ])("recognises %s by its content when the name says nothing", (file, format) => {
    expect(parseImportFile("download", fixture(file), context).format).toBe(format);
  });

  it("reads a markdown log by its extension, and plain text of unknown kind as one", () => {
    const log = bytes("# Rust\n- 2024-05-01\nhttps://doc.rust-lang.org/book/ The book\n");
    for (const name of ["log.md", "log.markdown", "log.txt", "log"]) {
      expect(parseImportFile(name, log, context).links.map((link) => link.url)).toEqual(["https://doc.rust-lang.org/book/"]);
    }
  });

  it("strips a UTF-8 BOM before reading", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture("linklog.json")]);
    expect(parseImportFile("linklog.json", withBom, context).links).toHaveLength(2);
  });
});

describe("files that are not what they claim", () => {
  it.each([
    ["an empty file", "links.csv", new Uint8Array(), "the file is empty"],
    ["a file of spaces", "links.md", bytes(" \n\t\n"), "the file is empty"],
    ["an image", "links.html", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "this does not look like a text file"],
    ["invalid UTF-8", "links.txt", new Uint8Array([0x68, 0x69, 0xc3, 0x28]), "this does not look like a text file"],
    ["a text file called .zip", "pocket.zip", bytes("title,url\n"), "this is not a zip file"],
  ])("%s gives no links and says why", (_, name, content, problem) => {
    expect(fileInEnglish(parseImportFile(name, content, context))).toEqual({ format: "unknown", links: [], problems: [{ line: 1, text: problem }] });
  });

  it("says when an HTML file holds no links at all", () => {
    expect(inEnglish(parseImportFile("page.html", bytes("<html><body><p>Hello</p></body></html>"), context).problems)).toEqual([
      { line: 1, text: "no links found in this file" },
    ]);
  });

  it("names the header of a CSV file it does not know", () => {
    expect(inEnglish(parseImportFile("contacts.csv", bytes("name,email\nAda,ada@example.org\n"), context).problems)).toEqual([
      { line: 1, text: "unrecognised CSV header: name,email" },
    ]);
  });
});
