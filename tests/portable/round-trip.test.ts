import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shortUrl } from "../../src/links/short-url.js";
import { jsonHead, jsonItem, jsonTail } from "../../src/portable/linklog-json.js";
import type { PortableLink, PortableNote } from "../../src/portable/model.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { csvWriter, htmlWriter, markdownWriter, type CreateWriter } from "../../src/portable/writers.js";
import { normalizeTag } from "../../src/tags/parse-tags.js";
import { localDate, localDayRange } from "../../src/time/local-date.js";

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
  // What a tag on a markdown link line looks like, inside titles and notes.
  "#rust",
  "Issue #42",
  "C# and F#",
  "notes on #中文",
  "\\#escaped",
  "\\\\#twice",
  " #",
  "#-",
  "#Rust #elixir",
);
const text = fc.oneof(
  awkward,
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.array(fc.oneof(awkward, fc.string({ unit: "grapheme", maxLength: 8 })), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
);
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
// Tags as linklog stores them; "-" and "+" at the start exercise the CSV formula guard.
// Chinese ones, and ones that are also words of the titles above, which an export must not take for each other.
const tag = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abz09_-.+/ü中文é"), minLength: 1, maxLength: 12 }).filter((raw) => normalizeTag(raw) === raw),
  fc.constantFrom("rust", "elixir", "42", "中文", "进程调度", "family", "quote", "c++"),
);

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
/** A whole file as a writer makes it, links given in batches newest first as the store hands them out. */
function exported(create: CreateWriter, written: PortableLink[], timeZone = context.timeZone): Uint8Array {
  const writer = create({ ...context, timeZone });
  const newestFirst = [...written].sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
  const batches = [newestFirst.slice(0, 5), newestFirst.slice(5)];
  return bytes([writer.head(), ...batches.map((batch) => writer.links(batch)), writer.tail()]);
}
const blankAsNone = (title: string | null) => (title === null || title.trim() === "" ? null : title);
/** The log's one note block: line breaks as LF, without the blank lines at its ends, which part it from the links around it. */
function logNotes(notes: PortableNote[]): PortableNote[] {
  const lines = notes
    .map((note) => note.text)
    .join("\n\n")
    .split(/\r?\n/u);
  const first = lines.findIndex((line) => line.trim() !== "");
  const last = lines.findLastIndex((line) => line.trim() !== "");
  return first === -1 ? [] : [{ text: lines.slice(first, last + 1).join("\n"), createdAt: null }];
}
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

  it("Netscape HTML gives back address, title (a blank one as the short address, whitespace runs as one space), tags, saved time to the second, read state, and the notes joined in one undated note", () => {
    fc.assert(
      fc.property(links, (written) => {
        const file = exported(htmlWriter, written);
        const newestFirst = [...written].sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
        const expected = newestFirst.map((one) => ({
          url: one.url,
          // Never an empty <A>: an untitled link is named by its short address, and comes back with that title.
          title: blankAsNone(asHtmlShows(one.title)) ?? shortUrl(one.url),
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

  it("CSV, with its BOM and local times with their offset in any zone, gives back address, title (a blank one as none), tags, saved and read times to the millisecond, read state, and the notes joined in one undated note", () => {
    const zone = fc.constantFrom("Asia/Shanghai", "America/New_York", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "UTC");
    fc.assert(
      fc.property(links, zone, (written, timeZone) => {
        const file = exported(csvWriter, written, timeZone);
        expect([...file.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const newestFirst = [...written].sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
        const expected = newestFirst.map((one) => ({ ...one, title: blankAsNone(one.title), notes: joinedInOne(one.notes) }));
        // Read in another zone than written: the offsets alone say when.
        expect(parseImportFile("linklog.csv", file, context)).toEqual({ format: "linklog CSV", links: expected, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it("the markdown log gives back address, title (spaces collapsed), tags, notes in one block, saved day, read state, and each day's links in the order saved", () => {
    // The store has every link's saved time, and the log only days: several links share a day in most runs.
    const dated = fc.array(
      link.chain((one) => fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2020, 0, 6) }).map((savedAt) => ({ ...one, savedAt }))),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(dated, (written) => {
        const urls = new Set(written.map((one) => one.url));
        fc.pre(urls.size === written.length);
        // Newest first, as the store hands them out; ties in saved time keep the given order.
        const newestFirst = [...written].sort((a, b) => b.savedAt! - a.savedAt!);
        const writer = markdownWriter(context);
        const file = bytes([writer.head(), writer.links(newestFirst.slice(0, 5)), writer.links(newestFirst.slice(5)), writer.tail()]);
        const days: PortableLink[][] = [];
        for (const one of newestFirst) {
          const last = days.at(-1);
          if (last && localDate(last[0]!.savedAt!, context.timeZone) === localDate(one.savedAt!, context.timeZone)) last.push(one);
          else days.push([one]);
        }
        const expected = days.flatMap((day) =>
          [...day].reverse().map((one) => ({
            url: one.url,
            title: blankAsNone(one.title?.replace(/\s+/gu, " ").trim() ?? null),
            tags: one.tags,
            notes: logNotes(one.notes),
            savedAt: localDayRange(localDate(one.savedAt!, context.timeZone), context.timeZone).start,
            read: one.read,
            readAt: null,
          })),
        );
        expect(parseImportFile("linklog.md", file, context)).toEqual({ format: "markdown log", links: expected, problems: [] });
      }),
      { numRuns: 300 },
    );
  });
});
