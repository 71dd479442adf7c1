import { normalizeTag } from "../tags/parse-tags.js";
import { parseDay } from "../time/day-input.js";
import { addDays, type LocalDate } from "../time/local-date.js";

export interface UnreadArgs {
  tags: string[];
  oldestFirst: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; unknown: string };

// More filter tags than anyone types; an absurd list is refused rather than turned into a huge query.
export const MAX_FILTER_TAGS = 10;

// Numbers, dates, times and months ("2026-11-20", "2026-13", "08:30"): a mistyped date is no tag.
const DATE_LIKE = /^[\d\-:./]+$/u;

/**
 * The tag a word of a list command filters by: "#rust", or a bare "rust" or "机器学习" as people type them. A bare
 * word counts only when it is a tag as typed (nothing dropped on the way to one, no date or number): "(rust)"
 * or "2026-13" is a word the command does not understand, not a tag no link has. The command checks its own
 * words ("oldest", "week") first.
 */
export function filterTag(word: string): string | null {
  if (word.startsWith("#")) return normalizeTag(word);
  const tag = normalizeTag(word);
  return tag !== null && !DATE_LIKE.test(word) && tag === word.normalize("NFC").toLocaleLowerCase("en") ? tag : null;
}

/** `/unread #elixir beam oldest`: tags to filter by (all must match; "#" may be left out) and the order. */
export function parseUnreadArgs(text: string, defaults: { oldestFirst: boolean } = { oldestFirst: false }): Parsed<UnreadArgs> {
  const tags = new Set<string>();
  let oldestFirst = defaults.oldestFirst;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (/^(oldest|old)$/i.test(word)) oldestFirst = true;
    else if (/^(newest|new)$/i.test(word)) oldestFirst = false;
    else {
      const tag = filterTag(word);
      if (tag === null) return { ok: false, unknown: word };
      if (tags.size < MAX_FILTER_TAGS) tags.add(tag);
    }
  }
  return { ok: true, value: { tags: [...tags], oldestFirst } };
}

/** What `/read` covers: everything read, the last 7 or 30 days up to today, or one day (local dates, both ends in). */
export type ReadPeriod = { kind: "all" } | { kind: "week" | "month"; from: LocalDate; to: LocalDate } | { kind: "day"; date: LocalDate };

export interface ReadArgs {
  tags: string[];
  period: ReadPeriod;
}

const WEEK = /^(?:week|7d|本周|这周|一周|最近一周)$/iu;
const MONTH = /^(?:month|30d|本月|这个月|一个月|最近一个月)$/iu;
const ALL = /^(?:all|全部)$/iu;

/**
 * `/read week #rust`, `/read 2026-11-20`, `/read yesterday rust`: the read links' period (`week` and `month` are
 * the last 7 and 30 days, today included; a day as `parseDay` reads it) and tags. The words other than tags and
 * the command's own are read as one day first ("3 days ago"), then one by one, a day before a bare tag.
 */
export function parseReadArgs(text: string, today: LocalDate): Parsed<ReadArgs> {
  const tags = new Set<string>();
  let period: ReadPeriod = { kind: "all" };
  const addTag = (tag: string) => {
    if (tags.size < MAX_FILTER_TAGS) tags.add(tag);
  };
  const rest: string[] = [];
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (WEEK.test(word)) period = { kind: "week", from: addDays(today, -6), to: today };
    else if (MONTH.test(word)) period = { kind: "month", from: addDays(today, -29), to: today };
    else if (ALL.test(word)) period = { kind: "all" };
    else if (word.startsWith("#")) {
      const tag = filterTag(word);
      if (tag === null) return { ok: false, unknown: word };
      addTag(tag);
    } else rest.push(word);
  }
  const day = rest.length > 1 ? parseDay(rest.join(" "), today) : null;
  if (day !== null) return { ok: true, value: { tags: [...tags], period: { kind: "day", date: day } } };
  for (const word of rest) {
    const date = parseDay(word, today);
    const tag = date === null ? filterTag(word) : null;
    if (date !== null) period = { kind: "day", date };
    else if (tag !== null) addTag(tag);
    else return { ok: false, unknown: word };
  }
  return { ok: true, value: { tags: [...tags], period } };
}
