import { localDate, type LocalDate } from "../time/local-date.js";
import { parseDay } from "../time/day-input.js";

/**
 * The local date `/today [day]` is about, or null when the argument is not a day: nothing is today, anything else is
 * read as people type days (yesterday, 昨天, monday, 3 days ago, 12/1, Dec 1, 2026-11-20; see time/day-input.ts).
 */
export function resolveDay(argument: string, now: number, timeZone: string): LocalDate | null {
  const today = localDate(now, timeZone);
  return argument.trim() === "" ? today : parseDay(argument, today);
}
