/** A calendar date as YYYY-MM-DD. */
export type LocalDate = string;

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and a bot asks the same few zones again and again. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in a time zone. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(epochMs: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(epochMs, timeZone);
  return formatDate(year, month, day);
}

function formatDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** How far the zone's wall clock is ahead of UTC at that instant (whole seconds, as time zones are). */
function offsetMs(epochMs: number, timeZone: string): number {
  const c = wallClock(epochMs, timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone. A time repeated when clocks fall back maps to its
 * first occurrence; a time skipped when they spring forward maps to the same distance after the jump
 * (02:30 on such a night is 03:30).
 */
export function zonedTimeToEpoch(clock: Omit<WallClock, "second"> & { second?: number }, timeZone: string): number {
  const naive = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second ?? 0);
  // The offsets in force half a day before and after; they differ only around a DST change.
  const beforeChange = naive - offsetMs(naive - 12 * HOUR_MS, timeZone);
  const afterChange = naive - offsetMs(naive + 12 * HOUR_MS, timeZone);
  const readsAsWanted = (epochMs: number) => naive - epochMs === offsetMs(epochMs, timeZone);
  const valid = [beforeChange, afterChange].filter(readsAsWanted);
  return valid.length > 0 ? Math.min(...valid) : beforeChange;
}

export function parseLocalDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The date `days` after (or before) a date; plain calendar arithmetic, no time zone involved. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new RangeError(`not a date: ${date}`);
  const moved = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day) + days * DAY_MS);
  return formatDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** [start, end) of a local calendar day as epoch ms; 23 or 25 hours long on DST change days. */
export function localDayRange(date: LocalDate, timeZone: string): { start: number; end: number } {
  const day = parseLocalDate(date);
  const next = parseLocalDate(addDays(date, 1));
  if (!day || !next) throw new RangeError(`not a date: ${date}`);
  return {
    start: zonedTimeToEpoch({ ...day, hour: 0, minute: 0 }, timeZone),
    end: zonedTimeToEpoch({ ...next, hour: 0, minute: 0 }, timeZone),
  };
}

export function isTimeZone(name: string): boolean {
  if (name.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Items in the order given, cut into runs that share a local date; the order of the runs follows the items. */
export function groupByLocalDate<T>(items: readonly T[], timeZone: string, timeOf: (item: T) => number): { date: LocalDate; items: T[] }[] {
  const groups: { date: LocalDate; items: T[] }[] = [];
  for (const item of items) {
    const date = localDate(timeOf(item), timeZone);
    const last = groups.at(-1);
    if (last?.date === date) last.items.push(item);
    else groups.push({ date, items: [item] });
  }
  return groups;
}
