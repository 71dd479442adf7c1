import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, EXPORT_NAMES, exportFormat, FILE_FORMATS, IMPORT_EXTENSIONS, isImportableName } from "../../src/portable/formats.js";
import { PROBLEM_KEYS, type PortableLink } from "../../src/portable/model.js";
import { parseImportFile } from "../../src/portable/parse-file.js";

const context = { timeZone: "Europe/Berlin", now: Date.UTC(2026, 10, 25) };
const links: PortableLink[] = [
  {
    url: "https://example.org/read",
    title: "A read page",
    tags: [],
    notes: [{ text: "why it mattered", createdAt: null }],
    savedAt: Date.UTC(2026, 0, 2, 12),
    read: true,
    readAt: null,
  },
  { url: "https://example.org/unread", title: null, tags: [], notes: [], savedAt: Date.UTC(2026, 0, 1, 12), read: false, readAt: null },
];

function written(name: string): Uint8Array {
  const writer = exportFormat(name)!.create(context);
  return new TextEncoder().encode(writer.head() + writer.links(links) + writer.tail());
}

describe("the table of file formats", () => {
  it.each(EXPORT_FORMATS.map((format) => [format.name, format.extension]))(
    "%s reads back its own export, by its file name and by its content alone",
    (name, extension) => {
      for (const fileName of [`linklog-2026-11-25.${extension}`, "download"]) {
        const parsed = parseImportFile(fileName, written(name), context);
        expect(parsed.problems).toEqual([]);
        expect(parsed.links.map((link) => [link.url, link.title, link.read, link.notes.map((note) => note.text)])).toEqual([
          ["https://example.org/read", "A read page", true, ["why it mattered"]],
          // A bookmark file names an untitled link by its short address rather than leave its <A> empty.
          ["https://example.org/unread", name === "html" ? "example.org › unread" : null, false, []],
        ]);
      }
    },
  );

  it("writes md, html, csv and json, in the order /export lists them, each named with its first extension", () => {
    expect(EXPORT_NAMES).toEqual(["md", "html", "csv", "json"]);
    expect(EXPORT_FORMATS.map((format) => format.extension)).toEqual(["md", "html", "csv", "json"]);
    expect(exportFormat("pdf")).toBeUndefined();
  });

  it("takes each export format by its name or an alias, in any case", () => {
    const named = (word: string) => exportFormat(word)?.name;
    expect(["md", "MD", "markdown", "Markdown"].map(named)).toEqual(["md", "md", "md", "md"]);
    expect(["html", "HTML", "htm", "bookmarks", "Bookmarks"].map(named)).toEqual(["html", "html", "html", "html", "html"]);
    expect(["csv", "CSV", "json", "Json"].map(named)).toEqual(["csv", "csv", "json", "json"]);
    expect(exportFormat("markdow")).toBeUndefined();
  });

  it("the bot accepts exactly the extensions of the table, in any case, and no others", () => {
    expect([...IMPORT_EXTENSIONS].sort()).toEqual(["csv", "htm", "html", "json", "markdown", "md", "txt", "zip"]);
    expect(IMPORT_EXTENSIONS).toEqual(FILE_FORMATS.flatMap((format) => format.extensions));
    for (const extension of IMPORT_EXTENSIONS) {
      expect(isImportableName(`log.${extension}`)).toBe(true);
      expect(isImportableName(`Log.${extension.toUpperCase()}`)).toBe(true);
    }
    for (const name of ["photo.jpg", "book.pdf", "html", "notes", "archive.tar.gz", "log.md.exe", "log.md/"]) expect(isImportableName(name)).toBe(false);
  });
});

describe("problem words", () => {
  const ftl = readFileSync(new URL("../../locales/en/import-export.ftl", import.meta.url), "utf8");
  const messages = new Set([...ftl.matchAll(/^(problem-[a-z-]+) =/gmu)].map((match) => match[1]));

  it("every kind of problem a reader reports has its words in the English locale, and no words are left over", () => {
    expect([...messages].sort()).toEqual([...PROBLEM_KEYS, "problem-in-entry"].sort());
  });
});
