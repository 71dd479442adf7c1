import { csvLine, restoreFormula } from "./csv.js";
import { isoString, isoTime, joinedNotes, notesOf, tagSet, titleOf, type DatedCell } from "./fields.js";
import type { ParseContext, PortableLink } from "./model.js";

/**
 * linklog's own CSV, for spreadsheets: dates as ISO 8601 in UTC, tags a comma and a space apart, all notes of
 * a link in one cell a blank line apart (their dates stay behind; JSON keeps them). Cells that a spreadsheet
 * would run as a formula are written with a leading apostrophe, which reading removes again.
 */
export const LINKLOG_CSV_FORMAT = "linklog CSV";

const COLUMNS = ["url", "title", "tags", "saved_at", "read", "read_at", "notes"] as const;

export function isLinklogCsvHeader(columns: readonly string[]): boolean {
  return columns.includes("url") && columns.includes("saved_at");
}

export function linklogCsvLink(
  cell: (column: string) => string,
  context: ParseContext,
  dated: DatedCell = (column, parse) => parse(cell(column)),
): PortableLink {
  const text = (column: (typeof COLUMNS)[number]) => restoreFormula(cell(column));
  const iso = (written: string) => isoTime(written, context);
  return {
    url: text("url").trim(),
    title: titleOf(text("title")),
    tags: tagSet(text("tags").split(/[\s,]+/u)),
    notes: notesOf(text("notes")),
    savedAt: dated("saved_at", iso),
    read: /^(?:true|yes|1)$/iu.test(text("read").trim()),
    readAt: dated("read_at", iso),
  };
}

export function csvHeader(): string {
  return csvLine(COLUMNS);
}

export function csvRow(link: PortableLink): string {
  const tags = link.tags.join(", ");
  return csvLine([link.url, link.title ?? "", tags, isoString(link.savedAt) ?? "", String(link.read), isoString(link.readAt) ?? "", joinedNotes(link.notes)]);
}
