import { csvLine, restoreFormula } from "./csv.js";
import { wallClock } from "../time/local-date.js";
import { isoTime, joinedNotes, notesOf, tagSet, titleOf, type DatedCell } from "./fields.js";
import type { ParseContext, PortableLink } from "./model.js";

/**
 * linklog's own CSV, for spreadsheets: dates as ISO 8601 in the user's zone with its offset, tags a comma and a space apart, all notes of
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

export function csvRow(link: PortableLink, timeZone: string): string {
  const tags = link.tags.join(", ");
  const time = (epochMs: number | null) => (epochMs === null ? "" : localIsoString(epochMs, timeZone));
  return csvLine([link.url, link.title ?? "", tags, time(link.savedAt), String(link.read), time(link.readAt), joinedNotes(link.notes)]);
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * The wall clock of the user's zone with its offset, `2026-12-03T09:15:00+08:00`, as a person reads it and
 * `isoTime` reads it back exactly: milliseconds only when there are some, `Z` for UTC, and UTC as well in the
 * rare zone whose offset then was not whole minutes (local mean time before 1972), which ISO 8601 cannot write.
 */
export function localIsoString(epochMs: number, timeZone: string): string {
  const clock = wallClock(epochMs, timeZone);
  const millis = ((epochMs % 1000) + 1000) % 1000;
  const offsetSeconds = (Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - (epochMs - millis)) / 1000;
  if (offsetSeconds === 0 || offsetSeconds % 60 !== 0 || clock.year < 1 || clock.year > 9999) {
    return new Date(epochMs).toISOString().replace(/\.000Z$/u, "Z");
  }
  const minutes = Math.abs(offsetSeconds / 60);
  const offset = `${offsetSeconds < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  const date = `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
  const time = `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${millis === 0 ? "" : `.${pad(millis, 3)}`}`;
  return `${date}T${time}${offset}`;
}
