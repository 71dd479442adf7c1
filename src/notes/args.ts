import { filterTag, MAX_FILTER_TAGS } from "../recall/list-args.js";
import { addDays, localDate, localDayRange, type LocalDate } from "../time/local-date.js";

export interface TimeRange {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** Which notes /notes looks at; JSON only, since a summary's pages store it. */
export interface Period {
  /** null: all time. */
  range: TimeRange | null;
  /**
   * The period in ISO dates ("2026-11-19 – 2026-11-25", "2026-11"); null for all time. Headings say `days` or
   * `month` in the user's words; pages stored before those existed show this.
   */
  name: string | null;
  /** The local days of "the last n days", today last. */
  days?: { first: LocalDate; last: LocalDate };
  /** A calendar month, YYYY-MM. */
  month?: string;
}

export interface NotesFilter {
  /** Notes on links that carry every one of these tags. */
  tags: string[];
  period: Period;
}

export interface NotesArgs extends NotesFilter {
  /** The whole summary as a markdown file instead of pages. */
  asFile: boolean;
}

export type NotesArgsProblem = "unknown" | "two-periods" | "too-many-tags";
export type ParsedNotesArgs = { ok: true; value: NotesArgs } | { ok: false; problem: NotesArgsProblem; word: string };

// More filter tags than anyone types; an absurd list is refused rather than turned into a huge query.
const WEEK_DAYS = 7;
const MONTH_DAYS = 30;
const ALL_TIME: Period = { range: null, name: null };

/** The last `days` local calendar days, today included. */
function lastDays(days: number, now: number, timeZone: string): Period {
  const today = localDate(now, timeZone);
  const first = addDays(today, 1 - days);
  return {
    range: { start: localDayRange(first, timeZone).start, end: localDayRange(today, timeZone).end },
    name: `${first} – ${today}`,
    days: { first, last: today },
  };
}

/** A calendar month ("2026-11") from its first local midnight to the next month's; null when it is no month. */
function calendarMonth(word: string, timeZone: string): Period | null {
  const match = /^(\d{4})-(\d{2})$/.exec(word);
  const [year, month] = [Number(match?.[1]), Number(match?.[2])];
  // Date.UTC reads years below 100 as 19xx, and the year after 9999 has five digits: both are refused.
  if (!match || month < 1 || month > 12 || year < 1970 || year > 9998) return null;
  const first: LocalDate = `${word}-01`;
  const next: LocalDate = month === 12 ? `${year + 1}-01-01` : `${match[1]}-${String(month + 1).padStart(2, "0")}-01`;
  return { range: { start: localDayRange(first, timeZone).start, end: localDayRange(next, timeZone).start }, name: word, month: word };
}

function period(word: string, now: number, timeZone: string): Period | null {
  switch (word) {
    case "week":
      return lastDays(WEEK_DAYS, now, timeZone);
    case "month":
      return lastDays(MONTH_DAYS, now, timeZone);
    case "all":
      return ALL_TIME;
    default:
      return calendarMonth(word, timeZone);
  }
}

/**
 * `/notes [#tag…] [week|month|all|YYYY-MM] [file]`, words in any order; the last 7 days unless a period is named,
 * all time for the file.
 * Any other word is a tag, "#" or not ("/notes rust"); "week" or "file" as a tag is written "#week".
 */
export function parseNotesArgs(text: string, now: number, timeZone: string): ParsedNotesArgs {
  const tags = new Set<string>();
  let chosen: Period | null = null;
  let asFile = false;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const lower = word.toLowerCase();
    const named = word.startsWith("#") ? null : period(lower, now, timeZone);
    const tag = named || lower === "file" ? null : filterTag(word);
    if (named) {
      if (chosen) return { ok: false, problem: "two-periods", word };
      chosen = named;
    } else if (lower === "file") asFile = true;
    else if (tag !== null) {
      if (tags.size === MAX_FILTER_TAGS && !tags.has(tag)) return { ok: false, problem: "too-many-tags", word };
      tags.add(tag);
    } else return { ok: false, problem: "unknown", word };
  }
  // The file is the whole record unless a period is named; the pages, read on a phone, start with the week.
  return { ok: true, value: { tags: [...tags], period: chosen ?? (asFile ? ALL_TIME : lastDays(WEEK_DAYS, now, timeZone)), asFile } };
}
