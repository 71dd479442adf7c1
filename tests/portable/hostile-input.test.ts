import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCsvFile } from "../../src/portable/csv-formats.js";
import { parseJsonFile } from "../../src/portable/json-formats.js";
import { parseLinklogJson } from "../../src/portable/linklog-json.js";
import { parseMarkdownLog } from "../../src/portable/markdown-log.js";
import { mergeDuplicates } from "../../src/portable/merge.js";
import { parseNetscapeHtml } from "../../src/portable/netscape-html.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { parseInstapaperHtml } from "../../src/portable/instapaper.js";
import { isOneTab, parseOneTab } from "../../src/portable/onetab.js";
import { parsePocketHtml } from "../../src/portable/pocket-html.js";
import { previewOf } from "../../src/portable/preview.js";
import { parseZip } from "../../src/portable/zip.js";

/**
 * Every reader fed lines built to make a backtracking regular expression or a quadratic loop blow up: long
 * runs of the characters their patterns treat specially, between the prefixes and suffixes that make a
 * pattern almost match. A linear reader takes well under a millisecond per kilobyte; the bound is generous,
 * and a superlinear one misses it by orders of magnitude. The cost is the process's CPU time, not the clock's:
 * on a shared machine the clock also counts the time other processes held the core.
 */
const BOUND_MS = 50;
const context = { timeZone: "Europe/Berlin", now: Date.UTC(2026, 10, 25) };

const RUNS = [
  " ",
  "\t",
  "\u2028",
  "\r",
  "#",
  "✅",
  "-",
  "*",
  "a",
  "1",
  ":",
  "/",
  ".",
  ",",
  "|",
  '"',
  "'",
  "=",
  "&",
  "<",
  ">",
  "&#",
  "\u00a0",
  "https://",
  "http://a",
  "- ",
  "✅ ",
  "\r\n",
  "\n",
];
// Every run at 8 KiB, where quadratic work already costs seconds; the whitespace runs again at 64 KiB.
const SIZES: [number, readonly string[]][] = [
  [8 * 1024, RUNS],
  [64 * 1024, [" ", "\r", "\u2028"]],
];

function run(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

interface Case {
  name: string;
  input: string;
}

/** Every prefix × run × suffix. */
function cases(prefixes: readonly string[], suffixes: readonly string[]): Case[] {
  const all: Case[] = [];
  for (const [size, runs] of SIZES) {
    for (const unit of runs) {
      for (const prefix of prefixes) {
        for (const suffix of suffixes)
          all.push({
            name: `${JSON.stringify(prefix)} + ${size} × ${JSON.stringify(unit)} + ${JSON.stringify(suffix)}`,
            input: `${prefix}${run(unit, size)}${suffix}`,
          });
      }
    }
  }
  return all;
}

function millis(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** The slowest input's cost; an input over the bound is measured twice more and keeps its best, so one pause of the machine is not a finding. */
function slowest(label: string, inputs: readonly Case[], parse: (input: string) => unknown): { name: string; ms: number } {
  parse("warm-up\nhttps://example.org/ a title\n");
  let worst = { name: "", ms: 0 };
  for (const { name, input } of inputs) {
    let ms = millis(() => parse(input));
    if (ms > BOUND_MS)
      ms = Math.min(
        ms,
        millis(() => parse(input)),
        millis(() => parse(input)),
      );
    if (ms > worst.ms) worst = { name, ms };
  }
  console.log(`${label}: ${inputs.length} inputs, slowest ${worst.ms.toFixed(2)} ms (${worst.name})`);
  return worst;
}

const bytes = (text: string) => new TextEncoder().encode(text);

const MARKDOWN_PREFIXES = [
  "",
  "# a",
  "#",
  "###### ",
  "# a #",
  "- ",
  "- 2020",
  "- 20200101",
  "✅",
  "✅ ",
  "- ✅",
  "✅ - ",
  "https://a.b",
  "https://a.b ",
  "✅ https://a.b t",
  "  ",
  "\t",
];
const MARKDOWN_SUFFIXES = ["", "x", "#", " #x", "\r", "\u2028", "\u2028x", " https://a.b", "\rhttps://a.b"];

const HTML_PREFIXES = [
  "",
  "<a",
  "<a ",
  "<a href=",
  '<a href="',
  "<a href='",
  "<a b=",
  "<dt><a href=https://a.b tags=",
  "<dt><h3>",
  "<dl>",
  "<!--",
  "<!",
  "<?",
  "<h1>",
  "<title>",
  '<DL><p><DT><A HREF="https://a.b" ADD_DATE="',
  '<DT><A HREF="https://a.b" TAGS="toread,linkding:bookmarks.archived,',
  '<DT><A HREF="https://a.b">t</A><DD>[linkding-notes]',
  '<DT><A HREF="',
  "&",
  "&#x",
];
const HTML_SUFFIXES = ["", ">", "x", '"', "'", "=", "</a>", "<"];

const POCKET_HEAD = "<title>Pocket Export</title><h1>Unread</h1><ul>";
const INSTAPAPER_HEAD = "<title>Instapaper: Export</title><h1>Folder</h1><ol>";

const CSV_HEADERS = [
  "title,url,time_added,tags,status\n",
  "id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n",
  "url,title,tags,saved_at,read,read_at,notes\n",
  "URL,Title,Selection,Folder,Timestamp,Tags\n",
  "Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen\n",
];
const CSV_ROW_PREFIXES = [
  "",
  '"',
  "t,https://a.b,",
  "t,https://a.b,1600000000,",
  "1,t,n,e,https://a.b,f,x,",
  "https://a.b,t,x,",
  "https://a.b,t,x,2020-01-01T00:00:00.",
  "https://a.b,t,x,2020-01-01 00:00",
  "https://a.b,t,s,f,1600000000,[",
  'https://a.b,t,s,f,1600000000,"[""',
  "t,https://a.b,1,['",
  "t,https://a.b,1,[],2020-01-01 00:00:00.",
];
const CSV_SUFFIXES = ["", "x", '"', '"x', ",", "\r", "Z"];

function jsonFile(link: Record<string, unknown>): string {
  return JSON.stringify({ format: "linklog", version: 1, links: [link] });
}

// Thousands of inputs each; the bound is per input, the timeout only for the whole matrix on a busy machine.
describe("hostile input costs each reader time in proportion to its size", { timeout: 120_000 }, () => {
  it("the markdown log", () => {
    const lines = cases(MARKDOWN_PREFIXES, MARKDOWN_SUFFIXES);
    expect(slowest("markdown log", lines, (text) => parseMarkdownLog(text, context)).ms).toBeLessThan(BOUND_MS);
  });

  it("the markdown log, with the runs as separate lines between headings, days and links", () => {
    const files = RUNS.map((unit) => ({
      name: `lines of ${JSON.stringify(unit)}`,
      input: run(`# a${unit}\n- 2020-01-01${unit}\n✅ https://a.b/${unit} t${unit}\n${unit}\n`, 64 * 1024),
    }));
    expect(slowest("markdown log, many lines", files, (text) => parseMarkdownLog(text, context)).ms).toBeLessThan(BOUND_MS);
  });

  it("the markdown log's own export, with runs of tags, escapes and marks at the end of a link's line", () => {
    const files = [" #a", " #", "#a", " \\#a", "\\", " ##a", " #a\t", " #进"].flatMap((unit) =>
      ["", " x", " #a"].map((suffix) => ({
        name: `export line of ${JSON.stringify(unit)} + ${JSON.stringify(suffix)}`,
        input: `# linklog export\n✅ https://a.b t${run(unit, 64 * 1024)}${suffix}\n`,
      })),
    );
    expect(slowest("markdown export", files, (text) => parseMarkdownLog(text, context)).ms).toBeLessThan(BOUND_MS);
  });

  it("bookmark HTML", () => {
    expect(slowest("bookmark HTML", cases(HTML_PREFIXES, HTML_SUFFIXES), parseNetscapeHtml).ms).toBeLessThan(BOUND_MS);
  });

  it("Pocket's HTML", () => {
    const inputs = cases(
      HTML_PREFIXES.map((prefix) => POCKET_HEAD + prefix),
      HTML_SUFFIXES,
    );
    expect(slowest("Pocket HTML", inputs, parsePocketHtml).ms).toBeLessThan(BOUND_MS);
  });

  it("Instapaper's HTML", () => {
    const inputs = cases(
      HTML_PREFIXES.map((prefix) => INSTAPAPER_HEAD + prefix),
      HTML_SUFFIXES,
    );
    expect(slowest("Instapaper HTML", inputs, parseInstapaperHtml).ms).toBeLessThan(BOUND_MS);
  });

  it("OneTab's lines, recognised and read", () => {
    const inputs = cases(["", "https://a.b | ", "https://a.b", "a:", "https://a.b |", "\n\nhttps://a.b | t\n"], ["", " | x", "|", "\n", "\u2028 | t"]);
    expect(slowest("OneTab", inputs, (text) => (isOneTab(text) ? parseOneTab(text) : null)).ms).toBeLessThan(BOUND_MS);
    expect(slowest("OneTab read", inputs, parseOneTab).ms).toBeLessThan(BOUND_MS);
  });

  it("Pocket, Raindrop, Instapaper, Readwise Reader and linklog CSV", () => {
    const inputs = CSV_HEADERS.flatMap((header) =>
      cases(
        CSV_ROW_PREFIXES.map((row) => header + row),
        CSV_SUFFIXES,
      ),
    );
    expect(slowest("CSV", inputs, (text) => parseCsvFile(text, context)).ms).toBeLessThan(BOUND_MS);
  });

  it("linklog JSON", () => {
    const inputs = [
      ...cases(["", "{", "[", '{"format":"linklog","version":1,"links":[', '{"format":"linklog","version":1,"links":["'], ["", "]}", '"]}', "x"]),
      ...RUNS.flatMap((unit) =>
        ["2020-01-01T00:00:00.", "2020-01-01T00:00:00", "2020-01-01", ""].flatMap((start) =>
          ["Z", "x", "+01:00", ""].map((end) => ({
            name: `a date ${start} + ${JSON.stringify(unit)} run + ${end}`,
            input: jsonFile({
              url: `https://a.b/${run(unit, 8 * 1024)}`,
              saved_at: `${start}${run(unit, 64 * 1024)}${end}`,
              tags: [run(unit, 8 * 1024)],
              notes: [{ text: run(unit, 8 * 1024) }],
            }),
          })),
        ),
      ),
      { name: "64 KiB of nested arrays", input: `${"[".repeat(64 * 1024)}${"]".repeat(64 * 1024)}` },
    ];
    expect(slowest("linklog JSON", inputs, (text) => parseLinklogJson(text)).ms).toBeLessThan(BOUND_MS);
  });

  it("other services' and browsers' JSON: runs in every field, and folders nested to the limit", () => {
    const starts = [
      '{"collections":[{"name":"',
      '{"collections":[{"links":[{"url":"https://a.b/","tags":[{"name":"',
      '{"bookmarks":[{"content":{"type":"link","url":"',
      '{"bookmarks":[{"lists":["',
      '[{"url":"https://a.b/","savedAt":"',
      '[{"is_archived":1,"url":"https://a.b/","annotations":[{"quote":"',
      '[{"href":"https://a.b/","tags":"',
      '{"roots":{"bookmark_bar":{"type":"folder","children":[{"type":"folder","name":"',
      '{"type":"text/x-moz-place-container","children":[{"type":"text/x-moz-place","uri":"https://a.b/","tags":"',
    ];
    const folder = (depth: number, leaf: string) => `${'{"type":"folder","name":"f","children":['.repeat(depth)}${leaf}${"]}".repeat(depth)}`;
    const inputs = [
      ...cases(starts, ["", '"}]}', '"}]}]}}}', '"]}]}', "x"]),
      { name: "Chrome folders 15 deep", input: `{"roots":{"other":${folder(15, '{"type":"url","url":"https://a.b/","date_added":"13350000000000000"}')}}}` },
      { name: "64 KiB of Pinboard records", input: `[${Array.from({ length: 2000 }, (_, i) => `{"href":"https://a.b/${i}","tags":"a b"}`).join(",")}]` },
    ];
    expect(slowest("JSON formats", inputs, (text) => parseJsonFile(text, context)).ms).toBeLessThan(BOUND_MS);
  });

  it("a zip of CSV parts, with hostile rows and entry names", () => {
    const inputs = [
      ...CSV_ROW_PREFIXES.map((row) => ({ name: `a part with ${JSON.stringify(row)}…`, input: row })),
      ...RUNS.map((unit) => ({ name: `entry name of ${JSON.stringify(unit)}`, input: unit })),
    ];
    const zips = new Map<string, Uint8Array>();
    for (const [index, { input }] of inputs.entries()) {
      const row = index < CSV_ROW_PREFIXES.length ? `${input}${run(" ", 64 * 1024)}x\n` : "";
      const name = index < CSV_ROW_PREFIXES.length ? "part.csv" : `${run(input, 8 * 1024)}.csv`;
      zips.set(input + index, zipSync({ [name]: strToU8(`${CSV_HEADERS[0]}${row}t,https://a.b,1600000000,,unread\n`) }));
    }
    const keyed = inputs.map((item, index) => ({ name: item.name, input: item.input + index }));
    expect(slowest("zip", keyed, (key) => parseZip(zips.get(key)!, context)).ms).toBeLessThan(BOUND_MS);
  });

  it("any file through the upload's path: recognised by its start, read, merged and previewed", () => {
    const inputs = cases(["", "  ", "\u2028", "\r\n", "\ufeff"], ["", "<html>", "{", "title,url,time_added,tags,status\n", "https://a.b x"]);
    const preview = (text: string) => {
      const parsed = parseImportFile("download", bytes(text), context);
      return previewOf(parsed, mergeDuplicates(parsed.links), new Set());
    };
    expect(slowest("upload path", inputs, preview).ms).toBeLessThan(BOUND_MS);
  });

  it("merging a file that repeats one address, each time with other tags and notes", () => {
    const copies = (count: number) => Array.from({ length: count }, (_, i) => `# t${i}\nhttps://a.b/\nnote ${i}\n`).join("");
    const files = [{ name: "8,000 copies", input: copies(8000) }];
    const merge = (text: string) => mergeDuplicates(parseMarkdownLog(text, context).links);
    expect(slowest("merge", files, merge).ms).toBeLessThan(4 * BOUND_MS);
    expect(merge(copies(8000)).links).toHaveLength(1);
  });
});
