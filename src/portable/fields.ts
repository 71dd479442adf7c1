import { normalizeTag } from "../tags/parse-tags.js";
import { localDayRange, parseLocalDate, zonedTimeToEpoch } from "../time/local-date.js";
import type { ParseContext, PortableNote } from "./model.js";

// A broken or hostile file must not hang thousands of tags on one link.
export const MAX_IMPORTED_TAGS = 50;

/** A tag from another service: inner spaces become "-", so "machine learning" stays one readable tag. */
export function importTag(raw: string): string | null {
  return normalizeTag(raw.trim().replace(/\s+/gu, "-"));
}

// Normalizing is the costly part of a tag, and a cell of a million commas or repeats must not cost a million normalizations.
const MAX_TAG_CANDIDATES = 20 * MAX_IMPORTED_TAGS;

/** Normalized tags in the order given, without blanks or duplicates; only the first candidates are looked at. */
export function tagSet(raws: Iterable<string>): string[] {
  const tags = new Set<string>();
  let looked = 0;
  for (const raw of raws) {
    if (tags.size === MAX_IMPORTED_TAGS || looked === MAX_TAG_CANDIDATES) break;
    if (raw === "") continue;
    looked++;
    const tag = importTag(raw);
    if (tag) tags.add(tag);
  }
  return [...tags];
}

/** The tags with one more; the same array when nothing is added, so deep nesting shares one list instead of copying. */
export function withTag(tags: string[], raw: string): string[] {
  if (tags.length >= MAX_IMPORTED_TAGS) return tags;
  const tag = importTag(raw);
  return tag === null || tags.includes(tag) ? tags : [...tags, tag];
}

/** A title cell or element: nothing written means no title. */
export function titleOf(text: string): string | null {
  return text.trim() === "" ? null : text;
}

/** A date cell read with `parse`; a reader that can say so reports one written but not understood. */
export type DatedCell = (column: string, parse: (text: string) => number | null) => number | null;

/** A date that is written but not understood: blank and `0` are how exporters say "unknown", and are no problem. */
export function isUnreadableDate(written: string | undefined): boolean {
  const trimmed = written?.trim() ?? "";
  return trimmed !== "" && trimmed !== "0";
}

/** Text as HTML shows it: every run of its whitespace (space, tab, line break, form feed) one space. */
export function collapsedSpace(text: string): string {
  return /[\t\n\f\r]| {2}/u.test(text) ? text.replace(/[ \t\n\f\r]+/gu, " ") : text;
}

/**
 * The items of a list cell as exporters write one: JSON (`["go", "security"]`, Instapaper), Python's repr
 * (`['ai', 'ml']`, Readwise Reader) or plain commas (`ai, ml`); quotes and brackets are not part of an item.
 */
export function listCell(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.filter((item): item is string => typeof item === "string");
    } catch {
      // Not JSON: Python's repr, or a list cut short; read it item by item below.
    }
  }
  return trimmed
    .replace(/^\[|\]$/gu, "")
    .split(",")
    .map((item) => item.trim().replace(/^(["'])(.*)\1$/u, "$2"));
}

/** Notes from cells or elements, undated; blank ones are no notes. */
export function notesOf(...texts: string[]): PortableNote[] {
  return texts.flatMap((text) => (text.trim() === "" ? [] : [{ text, createdAt: null }]));
}

/** Formats with one place for notes get them all, a blank line apart; their dates stay behind. */
export function joinedNotes(notes: readonly PortableNote[]): string {
  return notes.map((note) => note.text).join("\n\n");
}

/**
 * Unix time as exporters write it: seconds by the format's word, but some tools write milliseconds or
 * microseconds; the size tells them apart (10^11 seconds lies past the year 5000, 10^11 ms is 1973).
 */
export function unixTime(text: string | undefined): number | null {
  const trimmed = text?.trim() ?? "";
  if (!/^\d{1,17}$/u.test(trimmed)) return null;
  const value = Number(trimmed);
  if (value === 0) return null;
  if (value >= 1e14) return Math.floor(value / 1000);
  return value >= 1e11 ? value : value * 1000;
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/iu;

/** Minutes east of UTC, from "Z", "+08", "+0800" or "-05:30". */
function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return zone.startsWith("-") ? -minutes : minutes;
}

/**
 * An ISO 8601 date or date-time. A bare date is the start of that local day for the importing user,
 * and a time without an offset is their local wall clock.
 */
export function isoTime(text: string, context: ParseContext): number | null {
  const match = ISO_DATE_TIME.exec(text.trim());
  const day = match && parseLocalDate(match[1]!);
  if (!match || !day) return null;
  if (match[2] === undefined) return localDayRange(match[1]!, context.timeZone).start;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? "0")];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((match[5] ?? "").padEnd(3, "0").slice(0, 3));
  const zone = match[6];
  if (zone === undefined) return zonedTimeToEpoch({ ...day, hour, minute, second }, context.timeZone) + millis;
  return Date.UTC(day.year, day.month - 1, day.day, hour, minute, second, millis) - offsetMinutes(zone) * 60_000;
}

/** UTC with milliseconds: what linklog writes, exact to the millisecond and read back by `isoTime`. */
export function isoString(epochMs: number | null): string | null {
  return epochMs === null ? null : new Date(epochMs).toISOString();
}
