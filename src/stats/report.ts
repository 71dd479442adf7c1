import { localDate, type LocalDate } from "../time/local-date.js";
import { catchUp, weeklyPace, type CatchUp } from "./projection.js";
import { topSites } from "./sites.js";
import { readingStreak, type Streak } from "./streak.js";
import { countPerWeek, weekWindows, type Activity } from "./weeks.js";

export const CHART_WEEKS = 26;
const TOP = 5;

/** What the store reads for a report: activity per quarter hour (see `Activity`), counts and addresses. */
export interface StatsHistory {
  now: number;
  timeZone: string;
  /** Links saved, read and notes written since the first chart week began. */
  saved: Activity[];
  read: Activity[];
  notes: Activity[];
  /** Every local day a link still kept was read on, ever: the longest streak looks that far back. */
  readDays: LocalDate[];
  /** Unread links now. */
  backlog: number;
  /** Tags by links carrying them, most first. */
  tags: { name: string; count: number }[];
  /** Links by host. */
  sites: { host: string; count: number }[];
}

export interface WeekStats {
  /** The week's Monday in the user's zone. */
  start: LocalDate;
  saved: number;
  read: number;
  notes: number;
  /** Unread links at the week's end (for this week: now). */
  backlog: number;
}

/** The figures of /stats and the Mini App's stats; `toJson` gives the API's StatsReportJson. */
export interface StatsReport {
  today: LocalDate;
  /** Oldest first; the last is the current week. */
  weeks: WeekStats[];
  backlog: number;
  catchUp: CatchUp;
  readPerWeek: number;
  savedPerWeek: number;
  streak: Streak;
  topTags: { name: string; count: number }[];
  topSites: { site: string; count: number }[];
}

/**
 * The backlog at each week's end, counted back from now: every link saved in a later week was not there yet, every
 * link read in a later week still was. Only a link read before it was saved (an import can say so) would take it
 * below zero, hence the floor.
 */
function backlogs(current: number, saved: readonly number[], read: readonly number[]): number[] {
  const result = saved.map(() => 0);
  let backlog = current;
  for (let i = saved.length - 1; i >= 0; i--) {
    result[i] = Math.max(0, backlog);
    backlog += read[i]! - saved[i]!;
  }
  return result;
}

export function buildStatsReport(history: StatsHistory): StatsReport {
  const { now, timeZone } = history;
  const today = localDate(now, timeZone);
  const windows = weekWindows(now, timeZone, CHART_WEEKS);
  const perWeek = (activity: readonly Activity[]) => countPerWeek(activity, windows);
  const [saved, read, notes] = [perWeek(history.saved), perWeek(history.read), perWeek(history.notes)];
  const backlog = backlogs(history.backlog, saved, read);
  const readPerWeek = weeklyPace(history.read, now);
  const savedPerWeek = weeklyPace(history.saved, now);
  return {
    today,
    weeks: windows.map((week, i) => ({ start: week.start, saved: saved[i]!, read: read[i]!, notes: notes[i]!, backlog: backlog[i]! })),
    backlog: history.backlog,
    catchUp: catchUp(history.backlog, readPerWeek, savedPerWeek, today),
    readPerWeek,
    savedPerWeek,
    streak: readingStreak(history.readDays, today),
    topTags: history.tags.slice(0, TOP).map(({ name, count }) => ({ name, count })),
    topSites: topSites(history.sites, TOP),
  };
}

/** The report as the Mini App's API sends it (src/miniapp/api-types.ts StatsReportJson): everything but `today`. */
export function toJson({ today: _today, ...json }: StatsReport): Omit<StatsReport, "today"> {
  return json;
}

/** Whether there is anything to chart: a user with no links gets words instead of an empty picture. */
export function isEmpty(report: StatsReport): boolean {
  return report.backlog === 0 && report.topSites.length === 0;
}
