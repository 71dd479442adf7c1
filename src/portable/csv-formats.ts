import { truncate } from "../views/html.js";
import { csvRecords } from "./csv.js";
import { isoTime, notesOf, tagSet, titleOf, unixTime } from "./fields.js";
import { isLinklogCsvHeader, LINKLOG_CSV_FORMAT, linklogCsvLink } from "./linklog-csv.js";
import { LinkList } from "./link-cap.js";
import type { ParseContext, ParsedFile, PortableLink } from "./model.js";
import { problem, ProblemList } from "./problems.js";

/** A CSV dialect, known by its header; cells are looked up by column name, so column order does not matter. */
interface CsvFormat {
  name: string;
  /** Header names trimmed and lower-cased. */
  matches: (columns: readonly string[]) => boolean;
  link: (cell: (column: string) => string, context: ParseContext) => PortableLink;
}

/** Pocket: `title,url,time_added,tags,status` (some exports add `cursor`); tags split by "|", status "archive" is read. */
const pocket: CsvFormat = {
  name: "Pocket CSV",
  matches: (columns) => ["url", "time_added", "status"].every((name) => columns.includes(name)),
  link: (cell) => ({
    url: cell("url").trim(),
    title: titleOf(cell("title")),
    tags: tagSet(cell("tags").split("|")),
    notes: [],
    savedAt: unixTime(cell("time_added")),
    read: cell("status").trim().toLowerCase() === "archive",
    readAt: null,
  }),
};

/**
 * Raindrop: `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite`. The folder is a tag
 * (not the default "Unsorted"); the user's note and highlights become notes. The excerpt does not: Raindrop
 * fills it with the page's own description, and a study log's notes are what the reader wrote.
 */
const raindrop: CsvFormat = {
  name: "Raindrop CSV",
  matches: (columns) => columns.includes("url") && columns.includes("created"),
  link: (cell, context) => {
    const folder = cell("folder").trim();
    return {
      url: cell("url").trim(),
      title: titleOf(cell("title")),
      tags: tagSet([folder.toLowerCase() === "unsorted" ? "" : folder, ...cell("tags").split(",")]),
      notes: notesOf(cell("note").trim(), cell("highlights").trim()),
      savedAt: isoTime(cell("created"), context),
      read: false,
      readAt: null,
    };
  },
};

const linklog: CsvFormat = { name: LINKLOG_CSV_FORMAT, matches: isLinklogCsvHeader, link: linklogCsvLink };

const FORMATS = [linklog, pocket, raindrop];

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
    const { columns } = reading;
    const link = reading.format.link((column) => record.cells[columns.get(column) ?? -1] ?? "", context);
    if (link.url === "") problems.add(record.line, "problem-csv-no-url", { row: shownRow(record.cells, 60) });
    else links.add(link);
  }
  if (!reading) problems.add(1, "problem-csv-empty");
  return { format: reading?.format.name ?? "CSV", links: links.links, problems: problems.list(), ...links.cut };
}
