import { addDays, localDate, parseLocalDate, type LocalDate } from "../time/local-date.js";

/** The local date `/today [yesterday|YYYY-MM-DD]` is about, or null when the argument is not a date. */
export function resolveDay(argument: string, now: number, timeZone: string): LocalDate | null {
  const word = argument.trim().toLowerCase();
  const today = localDate(now, timeZone);
  if (word === "" || word === "today") return today;
  if (word === "yesterday") return addDays(today, -1);
  return parseLocalDate(word) ? word : null;
}
