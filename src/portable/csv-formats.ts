import { truncate } from "../views/html.js";
import { csvRecords } from "./csv.js";
import { isoTime, isUnreadableDate, listCell, notesOf, tagSet, titleOf, unixTime, type DatedCell } from "./fields.js";
import { INSTAPAPER_CSV_FORMAT, instapaperFolder } from "./instapaper.js";
import { isLinklogCsvHeader, LINKLOG_CSV_FORMAT, linklogCsvLink } from "./linklog-csv.js";
import { LinkList } from "./link-cap.js";
import type { ParseContext, ParsedFile, PortableLink } from "./model.js";
import { problem, ProblemList } from "./problems.js";

/** A CSV dialect, known by its header; cells are looked up by column name, so column order does not matter. */
interface CsvFormat {
  name: string;
  /** Header names trimmed and lower-cased. */
  matches: (columns: readonly string[]) => boolean;
  /** The row's link; null for a row that is no saved link (a Readwise Reader feed item). */
  link: (cell: (column: string) => string, context: ParseContext, dated: DatedCell) => PortableLink | null;
}

/** Pocket: `title,url,time_added,tags,status` (some exports add `cursor`); tags split by "|", status "archive" is read. */
const pocket: CsvFormat = {
  name: "Pocket CSV",
  matches: (columns) => ["url", "time_added", "status"].every((name) => columns.includes(name)),
  link: (cell, _context, dated) => ({
    url: cell("url").trim(),
    title: titleOf(cell("title")),
    tags: tagSet(cell("tags").split("|")),
    notes: [],
    savedAt: dated("time_added", unixTime),
    read: cell("status").trim().toLowerCase() === "archive",
    readAt: null,
  }),
};

/**
 * Raindrop: `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite`. The folder is a tag
 * (not the default "Unsorted"), a nested collection's path `A / B / C` a tag for each; the user's note and
 * highlights become notes. The excerpt does not: Raindrop fills it with the page's own description, and a
 * study log's notes are what the reader wrote. `created` is ISO 8601, or unix seconds in older exports.
 */
const isSpace = (char: string | undefined) => char !== undefined && /\s/u.test(char);

/**
 * The collections of Raindrop's `A / B / C`: a "/" with space on both sides separates, one inside a name
 * ("CI/CD") does not. Split by hand, not with /\s+\/\s+/: that pattern backtracks quadratically on a run of spaces.
 */
function collectionPath(folder: string): string[] {
  const path: string[] = [];
  // The pieces of the name being read, joined once it ends: appending to one string and looking at its end flattens it each time.
  let name: string[] = [];
  for (const piece of folder.split("/")) {
    const previous = name.at(-1);
    if (previous !== undefined && isSpace(previous.at(-1)) && isSpace(piece[0])) {
      path.push(name.join("/").trim());
      name = [];
    }
    name.push(piece);
  }
  path.push(name.join("/").trim());
  return path;
}

const raindrop: CsvFormat = {
  name: "Raindrop CSV",
  matches: (columns) => columns.includes("url") && columns.includes("created"),
  link: (cell, context, dated) => {
    const folders = collectionPath(cell("folder"));
    return {
      url: cell("url").trim(),
      title: titleOf(cell("title")),
      tags: tagSet([...folders.filter((folder) => folder.toLowerCase() !== "unsorted"), ...cell("tags").split(",")]),
      notes: notesOf(cell("note").trim(), cell("highlights").trim()),
      savedAt: dated("created", (text) => isoTime(text, context) ?? unixTime(text)),
      read: false,
      readAt: null,
    };
  },
};

/** Instapaper: `URL,Title,Selection,Folder[,Timestamp,Tags]`, read as instapaper.ts describes; the selection is a note. */
const instapaper: CsvFormat = {
  name: INSTAPAPER_CSV_FORMAT,
  matches: (columns) => ["url", "title", "selection", "folder"].every((name) => columns.includes(name)),
  link: (cell, _context, dated) => {
    const folder = instapaperFolder(cell("folder"));
    return {
      url: cell("url").trim(),
      title: titleOf(cell("title")),
      tags: tagSet([...folder.tags, ...listCell(cell("tags"))]),
      notes: notesOf(cell("selection").trim()),
      savedAt: dated("timestamp", unixTime),
      read: folder.read,
      readAt: null,
    };
  },
};

/**
 * Readwise Reader (Settings, "Export library"): `Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen`,
 * the tags as Python writes a list (`['ai', 'ml']`), the date `2024-05-01 12:00:00+00:00`. Location is where the
 * document sits: new (the inbox), later, shortlist, archive (read), or feed: an RSS item that came by itself and
 * was never saved, so no link of the log. Columns and values as the issue lists them; not yet checked against a real export.
 */
const readwiseReader: CsvFormat = {
  name: "Readwise Reader CSV",
  matches: (columns) => columns.includes("url") && (columns.includes("document tags") || (columns.includes("saved date") && columns.includes("location"))),
  link: (cell, context, dated) => {
    const location = cell("location").trim().toLowerCase();
    if (location === "feed") return null;
    return {
      url: cell("url").trim(),
      title: titleOf(cell("title")),
      tags: tagSet(listCell(cell("document tags"))),
      notes: [],
      savedAt: dated("saved date", (text) => isoTime(text, context)),
      read: location === "archive",
      readAt: null,
    };
  },
};

const linklog: CsvFormat = { name: LINKLOG_CSV_FORMAT, matches: isLinklogCsvHeader, link: linklogCsvLink };

// Raindrop's check (a url and a created column) is the loosest, so it comes last.
const FORMATS = [linklog, pocket, instapaper, readwiseReader, raindrop];

interface Reading {
  format: CsvFormat;
  /** Where each column is; a name given twice means its first column. */
  columns: Map<string, number>;
}

function formatOf(header: readonly string[]): Reading | null {
  const names = header.map((name) => name.trim().toLowerCase());
  const format = FORMATS.find((candidate) => candidate.matches(names));
  const columns = new Map<string, number>();
  for (const [index, name] of names.entries()) if (!columns.has(name)) columns.set(name, index);
  return format ? { format, columns } : null;
}

/** Whether the text starts with the header of a CSV dialect linklog reads. */
export function isKnownCsv(text: string): boolean {
  const first = csvRecords(text).next().value;
  return first !== undefined && "cells" in first && formatOf(first.cells) !== null;
}

/** A row as the preview quotes it; only its start is looked at, since a row may be megabytes long. */
function shownRow(cells: readonly string[], max: number): string {
  return truncate(cells.join(",").slice(0, 4 * max), max);
}

export function parseCsvFile(text: string, context: ParseContext): ParsedFile {
  const links = new LinkList(context.maxLinks);
  const problems = new ProblemList();
  let reading: Reading | null = null;
  let line = 0;
  let cells: readonly string[] = [];
  const cell = (column: string) => cells[reading!.columns.get(column) ?? -1] ?? "";
  // A date that is written but not understood is said, with its line, before the import: the link gets the import time.
  const dated: DatedCell = (column, parse) => {
    const written = cell(column);
    const time = parse(written);
    if (time === null && isUnreadableDate(written)) problems.add(line, "problem-bad-date", { date: written });
    return time;
  };
  for (const record of csvRecords(text)) {
    if (links.full) break;
    if (!("cells" in record)) {
      problems.add(record.line, record.problem);
      continue;
    }
    if (!reading) {
      reading = formatOf(record.cells);
      if (!reading) return { format: "CSV", links: [], problems: [problem(record.line, "problem-csv-unknown-header", { row: shownRow(record.cells, 120) })] };
      continue;
    }
    [line, cells] = [record.line, record.cells];
    const link = reading.format.link(cell, context, dated);
    if (link === null) continue;
    if (link.url === "") problems.add(record.line, "problem-csv-no-url", { row: shownRow(record.cells, 60) });
    else links.add(link);
  }
  if (!reading) problems.add(1, "problem-csv-empty");
  return { format: reading?.format.name ?? "CSV", links: links.links, problems: problems.list(), ...links.cut };
}
