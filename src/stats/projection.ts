import { addDays, DAY_MS, type LocalDate } from "../time/local-date.js";
import type { Activity } from "./weeks.js";

/**
 * The recent pace is the last 28 days up to now, divided by four: four weeks' worth of every weekday, the reading
 * of today included. The current calendar week alone says almost nothing on a Monday morning, and whole calendar
 * weeks only would ignore the days since Monday; a month evens out a holiday without dragging in last season.
 */
export const PACE_DAYS = 28;
/** "Never at this pace" says what weekly reading would clear the backlog within this many weeks. */
export const CATCH_UP_HORIZON_WEEKS = 12;
/** A catch-up further away than this (five years) is no date anyone plans by: it is said as "never at this pace". */
const FURTHEST_CATCH_UP_WEEKS = 260;

export type CatchUp = { kind: "done" } | { kind: "date"; date: LocalDate; weeks: number } | { kind: "never"; neededPerWeek: number };

/** Per week, over the last `PACE_DAYS` days before `now`, to one decimal. */
export function weeklyPace(activity: readonly Activity[], now: number): number {
  const since = now - PACE_DAYS * DAY_MS;
  const total = activity.reduce((sum, { at, count }) => (at > since && at <= now ? sum + count : sum), 0);
  return Math.round((total / (PACE_DAYS / 7)) * 10) / 10;
}

/**
 * When the unread backlog reaches zero if reading and saving go on at these weekly paces: done when nothing is
 * unread; a date (and the weeks until it, rounded up) when reading outpaces saving; otherwise never, with the
 * reading a week that would clear it within the horizon while saving goes on.
 */
export function catchUp(backlog: number, readPerWeek: number, savedPerWeek: number, today: LocalDate): CatchUp {
  if (backlog <= 0) return { kind: "done" };
  const net = readPerWeek - savedPerWeek;
  const weeks = net > 0 ? backlog / net : Infinity;
  if (weeks > FURTHEST_CATCH_UP_WEEKS) {
    return { kind: "never", neededPerWeek: Math.ceil(savedPerWeek + backlog / CATCH_UP_HORIZON_WEEKS) };
  }
  const days = Math.ceil(weeks * 7);
  return { kind: "date", date: addDays(today, days), weeks: Math.ceil(days / 7) };
}
