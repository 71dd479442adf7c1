import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsvFile } from "../../src/portable/csv-formats.js";
import { isInstapaperHtml, parseInstapaperHtml } from "../../src/portable/instapaper.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { isPocketHtml } from "../../src/portable/pocket-html.js";
import { inEnglish } from "../support/problems-in-english.js";

const context = { timeZone: "Europe/Berlin", now: Date.UTC(2026, 10, 25) };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const seconds = (unix: number) => unix * 1000;

describe("Instapaper's CSV export", () => {
  const parsed = parseCsvFile(fixture("instapaper.csv"), context);

  it("reads each row: Archive is read, a folder of one's own and the Tags list are tags, the inbox and the star are neither", () => {
    expect(parsed.format).toBe("Instapaper CSV");
    expect(parsed.links).toEqual([
      {
        url: "https://www.paulgraham.com/greatwork.html",
        title: "How to Do Great Work",
        tags: [],
        notes: [],
        savedAt: seconds(1700000000),
        read: false,
        readAt: null,
      },
      {
        url: "https://jvns.ca/blog/2023/08/03/behind-hello-world/",
        title: 'Behind "Hello World" on Linux',
        tags: ["linux", "systems-programming"],
        notes: [{ text: "The program is tiny, the system under it is not.", createdAt: null }],
        savedAt: seconds(1700000100),
        read: true,
        readAt: null,
      },
      { url: "https://example.org/starred", title: "Starred thing", tags: [], notes: [], savedAt: seconds(1700000200), read: false, readAt: null },
      { url: "https://lwn.net/Articles/250967/", title: "Memory", tags: ["papers-to-read", "memory"], notes: [], savedAt: null, read: false, readAt: null },
    ]);
  });

  it("says which line has a timestamp it cannot read, and leaves that link's date to the import", () => {
    expect(inEnglish(parsed.problems)).toEqual([{ line: 5, text: "a date that could not be read: yesterday; the link gets the time of the import" }]);
  });

  it("reads the older export without Timestamp and Tags", () => {
    const old = parseCsvFile(fixture("instapaper-old.csv"), context);
    expect(old.format).toBe("Instapaper CSV");
    expect(old.links.map((link) => [link.url, link.read, link.tags, link.savedAt])).toEqual([
      ["https://example.com/old", true, [], null],
      ["https://example.com/mine", false, ["rust"], null],
    ]);
    expect(old.problems).toEqual([]);
  });
});

describe("Instapaper's HTML export", () => {
  const html = fixture("instapaper.html");

  it("is told apart from Pocket's HTML, whose first heading is also Unread", () => {
    expect(isInstapaperHtml(html)).toBe(true);
    expect(isInstapaperHtml(fixture("pocket.html"))).toBe(false);
    expect(isInstapaperHtml(fixture("bookmarks-firefox.html"))).toBe(false);
    // Without its title, a heading only Instapaper writes still tells.
    expect(isInstapaperHtml(html.replace("<title>Instapaper: Export</title>", ""))).toBe(true);
    expect(isPocketHtml(html)).toBe(true);
  });

  it("reads Archive as read, a folder of one's own as a tag, Unread and Starred as neither, titles as HTML shows them", () => {
    const parsed = parseInstapaperHtml(html);
    expect(parsed.format).toBe("Instapaper HTML");
    expect(parsed.links.map((link) => [link.url, link.title, link.read, link.tags, link.savedAt])).toEqual([
      ["https://www.paulgraham.com/greatwork.html", "How to Do Great Work", false, [], null],
      ["https://example.org/starred", "Starred thing", false, [], null],
      ["https://jvns.ca/blog/2023/08/03/behind-hello-world/", 'Behind "Hello World" on Linux', true, [], null],
      ["https://lwn.net/Articles/250967/", "Memory", false, ["papers-to-read"], null],
    ]);
    expect(parsed.problems).toEqual([]);
  });
});

describe("choosing an Instapaper reader", () => {
  it.each([
    ["instapaper-export.csv", "instapaper.csv", "Instapaper CSV"],
    ["download", "instapaper.csv", "Instapaper CSV"],
    ["instapaper-export.html", "instapaper.html", "Instapaper HTML"],
    ["download", "instapaper.html", "Instapaper HTML"],
  ])("reads %s (%s) as %s", (name, file, format) => {
    expect(parseImportFile(name, new TextEncoder().encode(fixture(file)), context).format).toBe(format);
  });
});
