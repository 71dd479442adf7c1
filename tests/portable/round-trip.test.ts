import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvHeader, csvRow } from "../../src/portable/linklog-csv.js";
import { jsonHead, jsonItem, jsonTail } from "../../src/portable/linklog-json.js";
import type { PortableLink, PortableNote } from "../../src/portable/model.js";
import { htmlHead, htmlItem, htmlTail } from "../../src/portable/netscape-html.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { normalizeTag } from "../../src/tags/parse-tags.js";

const context = { timeZone: "America/New_York", now: Date.UTC(2026, 10, 25) };

const awkward = fc.constantFrom(
  "=SUM(A1:A3)",
  "+1 555",
  "-minus",
  "@mention",
  "\tTabbed",
  "'=already quoted",
  "  leading spaces",
  "trailing  ",
  'say "hi", then',
  "a,b;c|d",
  "line\nbreak",
  "\n\nblank lines around\n\n",
  "\r\nwindows line",
  "# not a heading",
  "**bold** _x_ [a](b) `code` > quote",
  "<b>&amp;</b> &lt; &#39;",
  "</A><DT><H3>",
  "進程調度 🎉",
  "👩‍👩‍👧 family",
  "中文，标点。",
  '"',
);
const text = fc.oneof(
  awkward,
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.array(fc.oneof(awkward, fc.string({ unit: "grapheme", maxLength: 8 })), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
);
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
// Tags as linklog stores them; "-" and "+" at the start exercise the CSV formula guard.
const tag = fc.string({ unit: fc.constantFrom(..."abz09_-.+/ü中文é"), minLength: 1, maxLength: 12 }).filter((raw) => normalizeTag(raw) === raw);

const link: fc.Arbitrary<PortableLink> = fc.record({
  url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
  title: fc.option(text, { nil: null }),
  tags: fc.uniqueArray(tag, { maxLength: 6 }),
  notes: fc.array(fc.record({ text: text.filter((note) => note.trim() !== ""), createdAt: fc.option(instant, { nil: null }) }), { maxLength: 3 }),
  savedAt: fc.option(instant, { nil: null }),
  read: fc.boolean(),
  readAt: fc.option(instant, { nil: null }),
});
// At least one: a file without links is told "no links found", which the writers' own tests cover.
const links = fc.array(link, { minLength: 1, maxLength: 12 });

const bytes = (chunks: string[]) => new TextEncoder().encode(chunks.join(""));
const blankAsNone = (title: string | null) => (title === null || title.trim() === "" ? null : title);
// HTML shows a run of whitespace in a title as one space, and linklog reads a bookmark's title as shown.
const asHtmlShows = (title: string | null) => (title === null ? null : title.replace(/[ \t\n\f\r]+/gu, " "));
const joinedInOne = (notes: PortableNote[]) => (notes.length === 0 ? [] : [{ text: notes.map((note) => note.text).join("\n\n"), createdAt: null }]);

describe("writing and reading back linklog's export formats", () => {
  it("JSON gives back every link exactly: address, title, tags, each note with its date, saved and read times, read state", () => {
    fc.assert(
      fc.property(links, (written) => {
        const file = bytes([jsonHead(context.now), ...written.map(jsonItem), jsonTail()]);
        expect(parseImportFile("linklog.json", file, context)).toEqual({ format: "linklog JSON", links: written, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it("Netscape HTML gives back address, title (a blank one as none, whitespace runs as one space), tags, saved time to the second, read state, and the notes joined in one undated note", () => {
    fc.assert(
      fc.property(links, (written) => {
        const file = bytes([htmlHead(), ...written.map(htmlItem), htmlTail()]);
        const expected = written.map((one) => ({
          url: one.url,
          title: blankAsNone(asHtmlShows(one.title)),
          tags: one.tags,
          notes: joinedInOne(one.notes),
          savedAt: one.savedAt === null ? null : Math.floor(one.savedAt / 1000) * 1000,
          read: one.read,
          readAt: null,
        }));
        expect(parseImportFile("bookmarks.html", file, context)).toEqual({ format: "Netscape bookmarks HTML", links: expected, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it("CSV gives back address, title (a blank one as none), tags, saved and read times to the millisecond, read state, and the notes joined in one undated note", () => {
    fc.assert(
      fc.property(links, (written) => {
        const file = bytes([csvHeader(), ...written.map(csvRow)]);
        const expected = written.map((one) => ({ ...one, title: blankAsNone(one.title), notes: joinedInOne(one.notes) }));
        expect(parseImportFile("linklog.csv", file, context)).toEqual({ format: "linklog CSV", links: expected, problems: [] });
      }),
      { numRuns: 300 },
    );
  });
});
