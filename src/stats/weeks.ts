import { addDays, localDate, localDayRange, parseLocalDate, type LocalDate } from "../time/local-date.js";

/**
 * How the store hands over activity: counts per quarter of an hour (`at` is the quarter's first instant). Every
 * time zone's offset is a whole number of quarter hours and clocks change on such a boundary, so a quarter lies
 * in one local day, and a year of activity is a few thousand rows instead of one per link.
 */
export interface Activity {
  at: number;
  count: number;
}

export const QUARTER_HOUR_MS = 15 * 60_000;

/** A local week, Monday to Sunday, and the instants it spans: [from, to), 167 or 169 hours across a clock change. */
export interface WeekWindow {
  start: LocalDate;
  from: number;
  to: number;
}

/** The Monday of a date's week. */
export function mondayOf(date: LocalDate): LocalDate {
  const { year, month, day } = parseLocalDate(date)!;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The last `count` weeks in the zone, oldest first; the last one is the current week, which ends after `now`. */
export function weekWindows(now: number, timeZone: string, count: number): WeekWindow[] {
  const thisMonday = mondayOf(localDate(now, timeZone));
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(thisMonday, 7 * (i - count + 1));
    return { start, from: localDayRange(start, timeZone).start, to: localDayRange(addDays(start, 7), timeZone).start };
  });
}

/** The activity counted per week; what falls outside every week is left out. */
export function countPerWeek(activity: readonly Activity[], weeks: readonly WeekWindow[]): number[] {
  const counts = weeks.map(() => 0);
  for (const { at, count } of activity) {
    const index = weeks.findIndex((week) => at >= week.from && at < week.to);
    if (index >= 0) counts[index]! += count;
  }
  return counts;
}
