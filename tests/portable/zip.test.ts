import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { parseZip } from "../../src/portable/zip.js";
import { fileInEnglish, inEnglish } from "../support/problems-in-english.js";

const context = { timeZone: "UTC", now: Date.UTC(2026, 10, 25) };
const header = "title,url,time_added,tags,status\n";

/** Pocket's mailed export: CSV parts, plus what an archiver adds. */
const pocketZip = () =>
  zipSync({
    "part_000000.csv": strToU8(`${header}First,https://example.org/1,1600000000,a,unread\nSecond,https://example.org/2,1600000001,,archive\n`),
    "readme.txt": strToU8("not a part"),
    "__MACOSX/._part_000000.csv": new Uint8Array([0, 5, 22, 7]),
    "part_000001.csv": strToU8(`${header}Third,https://example.org/3,1600000002,b|c,unread\nNo address,,1600000003,,unread\n`),
  });

/** Text that packs only a few times smaller, like a real export, however large. */
function textThatPacksLoosely(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 1;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = i % 64 === 63 ? 10 : 97 + ((seed >>> 24) % 26);
  }
  return bytes;
}

/** Rewrites the sizes a one-file zip declares, as a zip bomb does, leaving the packed data as it is. */
function declareSmall(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  view.setUint32(22, 10, true);
  const centralDirectory = view.getUint32(zip.length - 22 + 16, true);
  view.setUint32(centralDirectory + 24, 10, true);
  return zip;
}

describe("Pocket's zip of CSV parts", () => {
  const parsed = parseZip(pocketZip(), context);

  it("reads every CSV part in order as one file, ignoring other entries and macOS resource forks", () => {
    expect(parsed.format).toBe("Pocket CSV (zip)");
    expect(parsed.links.map((link) => [link.url, link.title, link.tags, link.read, link.savedAt])).toEqual([
      ["https://example.org/1", "First", ["a"], false, 1600000000000],
      ["https://example.org/2", "Second", [], true, 1600000001000],
      ["https://example.org/3", "Third", ["b", "c"], false, 1600000002000],
    ]);
  });

  it("names the part a problem comes from, with its line there", () => {
    expect(inEnglish(parsed.problems)).toEqual([{ line: 3, text: "part_000001.csv: no URL in this row: No address,,1600000003,,unread" }]);
  });

  it("is found by its content whatever the file is called", () => {
    expect(parseImportFile("export", pocketZip(), context).links).toHaveLength(3);
  });
});

describe("hostile zips", () => {
  it("stops a bomb that declares 10 bytes at the cap, counting what really inflates", () => {
    const bomb = declareSmall(zipSync({ "part.csv": new Uint8Array(4 * 1024 * 1024).fill(44) }));
    expect(fileInEnglish(parseZip(bomb, context, { maxBytes: 1024 * 1024, maxEntries: 100 }))).toEqual({
      format: "zip",
      links: [],
      problems: [{ line: 1, text: "the zip unpacks to more than 1 MiB; nothing was imported" }],
    });
  });

  it("stops at the default cap of 20 MiB, the largest plain file an upload may be", () => {
    const big = declareSmall(zipSync({ "part.csv": textThatPacksLoosely(21 * 1024 * 1024) }, { level: 1 }));
    expect(inEnglish(parseImportFile("pocket.zip", big, context).problems)).toEqual([
      { line: 1, text: "the zip unpacks to more than 20 MiB; nothing was imported" },
    ]);
  });

  it("refuses a zip bomb by how tightly it packs, long before the cap", () => {
    const bomb = declareSmall(zipSync({ "part.csv": new Uint8Array(21 * 1024 * 1024).fill(44) }));
    expect(inEnglish(parseImportFile("pocket.zip", bomb, context).problems)).toEqual([
      { line: 1, text: "the zip unpacks to over 100 times its size; nothing was imported" },
    ]);
    // A real export packs a few times smaller, and is read whole.
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `Post ${i},https://example.org/${i}/${(i * 7919).toString(36)},${1600000000 + i},tag${i % 50},unread\n`,
    ).join("");
    expect(parseImportFile("pocket.zip", zipSync({ "part.csv": strToU8(`${header}${rows}`) }), context).links).toHaveLength(20_000);
  });

  it("stops at the cap the context gives", () => {
    const zip = zipSync({ "part.csv": strToU8(`${header}${"t,https://example.org/,1600000000,,unread\n".repeat(100)}`) });
    expect(inEnglish(parseImportFile("pocket.zip", zip, { ...context, maxUnpackedBytes: 1000 }).problems)).toEqual([
      { line: 1, text: "the zip unpacks to more than 1000 bytes; nothing was imported" },
    ]);
    expect(parseImportFile("pocket.zip", zip, { ...context, maxUnpackedBytes: 10_000 }).links).toHaveLength(100);
  });

  it("refuses more than 100 files", () => {
    const files: Zippable = {};
    for (let i = 0; i <= 100; i++) files[`part_${i}.csv`] = strToU8(header);
    expect(inEnglish(parseImportFile("pocket.zip", zipSync(files), context).problems)).toEqual([
      { line: 1, text: "more than 100 files in the zip; nothing was imported" },
    ]);
  });

  it("says a cut-short zip is damaged", () => {
    const zip = pocketZip();
    expect(inEnglish(parseZip(zip.subarray(0, 60), context).problems)).toEqual([{ line: 1, text: "this zip is damaged or cut short" }]);
  });

  it("says when there is no CSV inside", () => {
    expect(inEnglish(parseZip(zipSync({ "notes.txt": strToU8("hello") }), context).problems)).toEqual([{ line: 1, text: "no CSV or JSON file in this zip" }]);
  });

  it("reports a CSV part that is not text by name", () => {
    const parsed = parseZip(zipSync({ "part.csv": new Uint8Array([0xff, 0xfe, 0, 1]) }), context);
    expect(inEnglish(parsed.problems)).toEqual([{ line: 1, text: "part.csv: not a text file" }]);
  });
});

describe("a zip's number of files", () => {
  const limits = { maxBytes: 1024 * 1024, maxEntries: 100 };

  it("counts only the files read: a zipped Telegram export with its photos is read", () => {
    const files: Zippable = {
      "ChatExport_2026-12-01/messages.html": strToU8(
        '<div class="page_wrap"><div class="history"><div class="message default clearfix" id="message1"><div class="body"><div class="pull_right date details" title="01.12.2026 09:00:00 UTC+08:00">09:00</div><div class="text"><a href="https://example.org/kept">https://example.org/kept</a></div></div></div></div></div>',
      ),
    };
    for (let i = 0; i < 150; i++) files[`ChatExport_2026-12-01/photos/photo_${i}.jpg`] = new Uint8Array([255, 216, 255, i % 256]);
    const parsed = parseZip(zipSync(files), context, limits);
    expect(parsed.problems).toEqual([]);
    expect(parsed.links.map((link) => link.url)).toEqual(["https://example.org/kept"]);
  });

  it("refuses more files to read than the limit", () => {
    const files: Zippable = {};
    for (let i = 0; i < 101; i++) files[`part_${i}.csv`] = strToU8(`${header}T,https://example.org/${i},1600000000,,unread\n`);
    expect(fileInEnglish(parseZip(zipSync(files), context, limits)).problems.map((p) => p.text)).toEqual([expect.stringMatching(/more than 100 files/)]);
  });
});
