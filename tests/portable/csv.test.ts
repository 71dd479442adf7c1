import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvLine, csvRecords, neutralizeFormula, restoreFormula } from "../../src/portable/csv.js";
import { parseCsvFile } from "../../src/portable/csv-formats.js";
import { csvHeader, csvRow } from "../../src/portable/linklog-csv.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { csvWriter } from "../../src/portable/writers.js";
import { localDayRange } from "../../src/time/local-date.js";
import { fileInEnglish, inEnglish } from "../support/problems-in-english.js";

const context = { timeZone: "Europe/Berlin", now: Date.UTC(2026, 10, 25) };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const seconds = (unix: number) => unix * 1000;

describe("RFC 4180 records", () => {
  it("reads commas, doubled quotes and line breaks inside quoted cells, with CRLF or LF", () => {
    const records = [...csvRecords('a,"b,1","say ""hi"""\r\n"multi\nline",x,\n\nlast')];
    expect(records).toEqual([
      { line: 1, cells: ["a", "b,1", 'say "hi"'] },
      { line: 2, cells: ["multi\nline", "x", ""] },
      { line: 5, cells: ["last"] },
    ]);
  });

  it("numbers each record by the physical line it starts on", () => {
    const lines = [...csvRecords('h\n"1\n2\n3"\nnext\r\n"a\r\nb"\nend')].map((record) => record.line);
    expect(lines).toEqual([1, 2, 5, 6, 8]);
  });

  it("reports a quote that never closes and reads on from the next line", () => {
    expect([...csvRecords('a,b\n"broken,c\nd,e\n')]).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, problem: "problem-csv-unclosed-quote" },
      { line: 3, cells: ["d", "e"] },
    ]);
  });

  it("reports text after a closing quote and skips that line only", () => {
    expect([...csvRecords('"a"b,c\nd\n')]).toEqual([
      { line: 1, problem: "problem-csv-after-quote" },
      { line: 2, cells: ["d"] },
    ]);
  });

  it("reads 4 MiB that an unclosed quote opens, and says where", () => {
    const text = `title,url,time_added,tags,status\n"${"x,".repeat(2 * 1024 * 1024)}`;
    const parsed = parseCsvFile(text, context);
    expect(inEnglish(parsed.problems)).toEqual([{ line: 2, text: "a quoted cell is never closed" }]);
  });
});

describe("spreadsheet formula neutralizing", () => {
  it.each(["=SUM(A1)", "+1", "-1", "@me", "\tx", "\rx", "'=x", "''+x"])("writes %j with one more leading apostrophe and reads it back", (cell) => {
    expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    expect(restoreFormula(neutralizeFormula(cell))).toBe(cell);
  });

  it.each(["plain", "'quoted", "''", "a=b", ""])("leaves %j as it is", (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
    expect(restoreFormula(cell)).toBe(cell);
  });

  it("quotes cells that hold commas, quotes, line breaks or space at an end", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", " lead", "trail ", "=1+1", "plain"])).toBe(
      '"a,b","say ""hi""","two\nlines"," lead","trail ",\'=1+1,plain\r\n',
    );
  });
});

describe("Pocket's CSV export", () => {
  const parsed = parseCsvFile(fixture("pocket.csv"), context);

  it("reads title, address, date, tags split by | and status, archive meaning read", () => {
    expect(parsed.format).toBe("Pocket CSV");
    expect(parsed.links).toEqual([
      {
        url: "https://doc.rust-lang.org/book/",
        title: "Rust, the book",
        tags: ["rust", "machine-learning"],
        notes: [],
        savedAt: seconds(1688169600),
        read: false,
        readAt: null,
      },
      { url: "https://example.com/quote", title: 'He said "hi"', tags: [], notes: [], savedAt: seconds(1600000000), read: true, readAt: null },
      { url: "https://example.com/two-lines", title: "Two\nlines", tags: ["notes"], notes: [], savedAt: seconds(1600000100), read: false, readAt: null },
      { url: "https://example.com/untitled", title: null, tags: [], notes: [], savedAt: seconds(1600000200), read: true, readAt: null },
    ]);
  });

  it("reports the row without an address on its physical line", () => {
    expect(inEnglish(parsed.problems)).toEqual([{ line: 7, text: "no URL in this row: No address,,1600000300,,unread" }]);
  });

  it("reads the export with a cursor column, a BOM and CRLF line ends, leaving Pocket's cells as they are", () => {
    const withCursor = parseCsvFile(fixture("pocket-with-cursor.csv"), context);
    expect(withCursor.format).toBe("Pocket CSV");
    expect(withCursor.links.map((link) => [link.url, link.title, link.tags, link.read, link.savedAt])).toEqual([
      ["https://example.jp/scheduler", "進程調度 🎉", ["os", "調度"], true, seconds(1700000000)],
      ["https://example.com/formula", '=HYPERLINK("x")', [], false, seconds(1700000100)],
    ]);
    expect(withCursor.problems).toEqual([]);
  });
});

describe("Raindrop's CSV export", () => {
  const parsed = parseCsvFile(fixture("raindrop.csv"), context);

  it("maps columns by name: the folder and tags become tags, the note and highlights notes, created the date", () => {
    expect(parsed.format).toBe("Raindrop CSV");
    expect(parsed.links[0]).toEqual({
      url: "https://arxiv.org/abs/1706.03762",
      title: "Attention Is All You Need",
      tags: ["papers", "ml", "transformers"],
      notes: [
        { text: "Read with the annotated version, section 3 first", createdAt: null },
        { text: "Highlight: Multi-head attention allows the model to jointly attend\nNote: the key idea", createdAt: null },
      ],
      savedAt: Date.UTC(2023, 2, 15, 10, 20, 30, 123),
      read: false,
      readAt: null,
    });
  });

  it("leaves out the default Unsorted folder and the page's own excerpt", () => {
    expect(parsed.links[1]).toEqual({
      url: "https://example.org/",
      title: "Example Domain",
      tags: [],
      notes: [],
      savedAt: Date.UTC(2024, 0, 2, 3, 4, 5),
      read: false,
      readAt: null,
    });
  });

  it("takes a date without a time as the start of that day where the user lives, and a blank note as none", () => {
    expect(parsed.links[2]).toMatchObject({
      url: "https://example.net/day",
      tags: ["machine-learning"],
      notes: [],
      savedAt: localDayRange("2024-02-29", context.timeZone).start,
    });
  });

  it("reports the row without an address on its line, counting the line break inside the first record", () => {
    expect(inEnglish(parsed.problems)).toEqual([{ line: 5, text: expect.stringMatching(/^no URL in this row: 103,No address here/) }]);
  });
});

describe("CSV that linklog does not know", () => {
  it("gives no links and names the header it did not recognise", () => {
    expect(fileInEnglish(parseCsvFile("name,email\nAda,ada@example.org\n", context))).toEqual({
      format: "CSV",
      links: [],
      problems: [{ line: 1, text: "unrecognised CSV header: name,email" }],
    });
  });

  it("says so when there is no header at all", () => {
    expect(inEnglish(parseCsvFile("\n\n", context).problems)).toEqual([{ line: 1, text: "no header row: this CSV file is empty" }]);
  });
});

describe("linklog's own CSV", () => {
  const link = {
    url: "https://example.org/a,b",
    title: "=cmd|' /C calc'!A0",
    tags: ["-x", "rust"],
    notes: [
      { text: "@first", createdAt: 5 },
      { text: "second", createdAt: 6 },
    ],
    savedAt: Date.UTC(2024, 4, 1, 12, 0, 0, 7),
    read: true,
    readAt: Date.UTC(2024, 4, 2),
  };

  it("writes a header and one neutralized, quoted row per link", () => {
    expect(csvHeader()).toBe("url,title,tags,saved_at,read,read_at,notes\r\n");
    expect(csvRow(link, "UTC")).toBe(
      `"https://example.org/a,b",'=cmd|' /C calc'!A0,"'-x, rust",2024-05-01T12:00:00.007Z,true,2024-05-02T00:00:00Z,"'@first\n\nsecond"\r\n`,
    );
  });

  it("writes times in the user's zone with its offset, as UTC where there is none to speak of", () => {
    expect(csvRow(link, "Asia/Shanghai")).toContain(",2024-05-01T20:00:00.007+08:00,true,2024-05-02T08:00:00+08:00,");
    expect(csvRow(link, "America/New_York")).toContain(",2024-05-01T08:00:00.007-04:00,true,2024-05-01T20:00:00-04:00,");
    expect(csvRow(link, "Asia/Kolkata")).toContain(",2024-05-01T17:30:00.007+05:30,");
    expect(csvRow(link, "UTC")).toContain(",2024-05-01T12:00:00.007Z,true,2024-05-02T00:00:00Z,");
  });

  it("starts the file with a UTF-8 BOM, so spreadsheets read it as UTF-8, and reads such a file back", () => {
    const writer = csvWriter({ timeZone: "Asia/Shanghai", now: 0 });
    const file = writer.head() + writer.links([{ ...link, title: "进程调度" }]) + writer.tail();
    expect(file.startsWith("\uFEFFurl,title,")).toBe(true);
    const parsed = parseImportFile("linklog.csv", new TextEncoder().encode(file), context);
    expect(parsed.format).toBe("linklog CSV");
    expect(parsed.links).toEqual([{ ...link, title: "进程调度", notes: [{ text: "@first\n\nsecond", createdAt: null }] }]);
  });

  it("reads its own file back, formulas restored and notes in one", () => {
    const parsed = parseCsvFile(csvHeader() + csvRow(link, "Asia/Shanghai"), context);
    expect(parsed.format).toBe("linklog CSV");
    expect(parsed.links).toEqual([{ ...link, notes: [{ text: "@first\n\nsecond", createdAt: null }] }]);
  });
});

describe("Readwise Reader's CSV export", () => {
  const parsed = parseCsvFile(fixture("readwise-reader.csv"), context);

  it("reads title, address, the tag list, the saved date; archive is read, a feed item that was never saved is no link", () => {
    expect(parsed.format).toBe("Readwise Reader CSV");
    expect(parsed.links).toEqual([
      {
        url: "https://arxiv.org/abs/1706.03762",
        title: "Attention Is All You Need",
        tags: ["ml", "transformers"],
        notes: [],
        savedAt: Date.UTC(2023, 7, 14, 15, 25, 9, 519),
        read: true,
        readAt: null,
      },
      { url: "https://example.org/", title: "Example Domain", tags: [], notes: [], savedAt: Date.UTC(2024, 0, 2, 3, 4, 5), read: false, readAt: null },
      { url: "https://example.com/inbox", title: "In the inbox", tags: ["reading-list"], notes: [], savedAt: null, read: false, readAt: null },
    ]);
  });

  it("says which line has a date it cannot read", () => {
    expect(inEnglish(parsed.problems)).toEqual([{ line: 5, text: "a date that could not be read: not a date; the link gets the time of the import" }]);
  });
});

describe("fixes to the Raindrop reader (issue 18)", () => {
  const header = "id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n";

  it("reads `created` as unix seconds as well as ISO 8601", () => {
    const parsed = parseCsvFile(`${header}1,Old,,,https://example.org/old,Papers,,1700000000,,,false\n`, context);
    expect(parsed.links.map((link) => link.savedAt)).toEqual([seconds(1700000000)]);
    expect(parsed.problems).toEqual([]);
  });

  it("gives a nested collection's path `A / B / C` a tag for each collection", () => {
    const parsed = parseCsvFile(`${header}1,Deep,,,https://example.org/deep,Study / Machine Learning / Papers,"ml",2024-01-02,,,false\n`, context);
    expect(parsed.links.map((link) => link.tags)).toEqual([["study", "machine-learning", "papers", "ml"]]);
  });

  it("reports a date it cannot read with its line, and the link keeps no date until the import gives it one", () => {
    const parsed = parseCsvFile(
      `${header}1,Fine,,,https://example.org/a,,,2024-01-02,,,false\n2,Broken,,,https://example.org/b,,,31/02/2024,,,false\n`,
      context,
    );
    expect(parsed.links.map((link) => [link.url, link.savedAt])).toEqual([
      ["https://example.org/a", localDayRange("2024-01-02", "Europe/Berlin").start],
      ["https://example.org/b", null],
    ]);
    expect(inEnglish(parsed.problems)).toEqual([{ line: 3, text: "a date that could not be read: 31/02/2024; the link gets the time of the import" }]);
  });

  it("says nothing of a date cell left blank", () => {
    expect(parseCsvFile(`${header}1,Blank,,,https://example.org/a,,,,,,false\n`, context).problems).toEqual([]);
  });
});
