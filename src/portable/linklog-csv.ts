import { csvLine, restoreFormula } from "./csv.js";
import { isoString, isoTime, joinedNotes, notesOf, tagSet, titleOf } from "./fields.js";
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

export function linklogCsvLink(cell: (column: string) => string, context: ParseContext): PortableLink {
  const text = (column: (typeof COLUMNS)[number]) => restoreFormula(cell(column));
  return {
    url: text("url").trim(),
    title: titleOf(text("title")),
    tags: tagSet(text("tags").split(/[\s,]+/u)),
    notes: notesOf(text("notes")),
    savedAt: isoTime(text("saved_at"), context),
    read: /^(?:true|yes|1)$/iu.test(text("read").trim()),
    readAt: isoTime(text("read_at"), context),
  };
}

export function csvHeader(): string {
  return csvLine(COLUMNS);
}

export function csvRow(link: PortableLink): string {
  const tags = link.tags.join(", ");
  return csvLine([link.url, link.title ?? "", tags, isoString(link.savedAt) ?? "", String(link.read), isoString(link.readAt) ?? "", joinedNotes(link.notes)]);
}
