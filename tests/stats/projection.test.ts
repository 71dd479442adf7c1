import { describe, expect, it } from "vitest";
import { catchUp, weeklyPace } from "../../src/stats/projection.js";
import { buildStatsReport, type StatsHistory } from "../../src/stats/report.js";
import { readingStreak } from "../../src/stats/streak.js";
import { countPerWeek, weekWindows, type Activity } from "../../src/stats/weeks.js";
import { offsetPeriods } from "../../src/stats/zone-offsets.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Thursday 3 December 2026, 12:00 UTC.
const NOW = Date.parse("2026-12-03T12:00:00Z");
const TODAY = "2026-12-03";

/** `perDay` events at noon of each of the last `days` days (today's noon included). */
function daily(perDay: (daysAgo: number) => number, days = 28): Activity[] {
  return Array.from({ length: days }, (_, daysAgo) => ({ at: NOW - daysAgo * DAY, count: perDay(daysAgo) })).filter((a) => a.count > 0);
}

/** Where the backlog goes at the recent pace, from histories of saving and reading. */
function projected(backlog: number, saved: Activity[], read: Activity[]) {
  return catchUp(backlog, weeklyPace(read, NOW), weeklyPace(saved, NOW), TODAY);
}

describe("the catch-up projection", () => {
  it("steady: reading 14 and saving 7 a week clears 21 unread links in exactly three weeks", () => {
    const [saved, read] = [daily(() => 1), daily(() => 2)];
    expect([weeklyPace(saved, NOW), weeklyPace(read, NOW)]).toEqual([7, 14]);
    expect(projected(21, saved, read)).toEqual({ kind: "date", date: "2026-12-24", weeks: 3 });
    // A part of a week rounds up: 22 links take 22 days, four weeks by the calendar.
    expect(projected(22, saved, read)).toEqual({ kind: "date", date: "2026-12-25", weeks: 4 });
  });

  it("growing saving: never at this pace, with the weekly reading that clears the backlog in 12 weeks", () => {
    // Saving grows from 1 to 4 a day over the four weeks (70 in all, 17.5 a week); reading stays at 2 a day.
    const saved = daily((daysAgo) => 4 - Math.floor(daysAgo / 7));
    expect(weeklyPace(saved, NOW)).toBe(17.5);
    // 17.5 a week to keep up, plus 120 / 12 = 10 a week to clear the backlog: 27.5, rounded up.
    expect(
      projected(
        120,
        saved,
        daily(() => 2),
      ),
    ).toEqual({ kind: "never", neededPerWeek: 28 });
  });

  it("zero reading: never, however little is saved", () => {
    expect(
      projected(
        50,
        daily(() => 0),
        [],
      ),
    ).toEqual({ kind: "never", neededPerWeek: 5 });
    expect(
      projected(
        50,
        daily((daysAgo) => (daysAgo % 7 === 0 ? 1 : 0)),
        [],
      ),
    ).toEqual({ kind: "never", neededPerWeek: 6 });
  });

  it("an empty backlog is done, whatever the pace", () => {
    expect(
      projected(
        0,
        daily(() => 5),
        [],
      ),
    ).toEqual({ kind: "done" });
  });

  it("says never rather than a date more than five years away", () => {
    expect(catchUp(1000, 10.1, 10, TODAY)).toEqual({ kind: "never", neededPerWeek: 94 });
  });

  it("counts the pace over the last 28 days only, today's reading included", () => {
    expect(
      weeklyPace(
        [
          { at: NOW - 28 * DAY - 1, count: 100 },
          { at: NOW - HOUR, count: 4 },
        ],
        NOW,
      ),
    ).toBe(1);
  });
});

describe("the reading streak", () => {
  it("counts up to yesterday while nothing is read yet today, and from today once something is", () => {
    expect(readingStreak(["2026-11-30", "2026-12-01", "2026-12-02"], TODAY)).toEqual({ current: 3, longest: 3 });
    expect(readingStreak(["2026-12-01", "2026-12-02", "2026-12-03"], TODAY)).toEqual({ current: 3, longest: 3 });
    expect(readingStreak(["2026-11-30", "2026-12-01"], TODAY)).toEqual({ current: 0, longest: 2 });
  });

  it("keeps the longest run of any year, across month and year ends", () => {
    const days = ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2026-06-01", "2026-12-03"];
    expect(readingStreak(days, TODAY)).toEqual({ current: 1, longest: 4 });
    expect(readingStreak([], TODAY)).toEqual({ current: 0, longest: 0 });
  });

  it("takes today in the user's zone: past 16:00 UTC it is already tomorrow in Shanghai", () => {
    const history: StatsHistory = {
      now: Date.parse("2026-12-03T17:00:00Z"),
      timeZone: "Asia/Shanghai",
      saved: [],
      read: [],
      notes: [],
      readDays: ["2026-12-02", "2026-12-03"],
      backlog: 0,
      tags: [],
      sites: [],
    };
    // Friday 01:00 in Shanghai: nothing read yet today, and the streak runs to yesterday, Thursday.
    expect(buildStatsReport(history)).toMatchObject({ today: "2026-12-04", streak: { current: 2, longest: 2 } });
    // Thursday 23:00 in New York: Wednesday and Thursday make the streak there too, Thursday being today.
    expect(buildStatsReport({ ...history, now: Date.parse("2026-12-04T04:00:00Z"), timeZone: "America/New_York" })).toMatchObject({
      today: "2026-12-03",
      streak: { current: 2, longest: 2 },
    });
  });
});

describe("weeks in the user's zone", () => {
  it("start on Monday, local midnight, and span 167 hours across the spring clock change", () => {
    // Thursday 2 April 2026 in Berlin; clocks went forward on Sunday 29 March at 01:00 UTC.
    const [before, current] = weekWindows(Date.parse("2026-04-02T10:00:00Z"), "Europe/Berlin", 2);
    expect(before).toEqual({ start: "2026-03-23", from: Date.parse("2026-03-22T23:00:00Z"), to: Date.parse("2026-03-29T22:00:00Z") });
    expect(current!.start).toBe("2026-03-30");
    expect((before!.to - before!.from) / HOUR).toBe(167);
    // Sunday 23:30 in winter-time reckoning is Monday 00:30 in summer time: the new week.
    const activity = [
      { at: Date.parse("2026-03-29T21:45:00Z"), count: 1 },
      { at: Date.parse("2026-03-29T22:30:00Z"), count: 2 },
    ];
    expect(countPerWeek(activity, [before!, current!])).toEqual([1, 2]);
  });

  it("number 26, the last one being this week, whatever the weekday", () => {
    const sunday = weekWindows(Date.parse("2026-12-06T22:00:00Z"), "UTC", 26);
    expect(sunday).toHaveLength(26);
    expect([sunday[0]!.start, sunday.at(-1)!.start]).toEqual(["2026-06-08", "2026-11-30"]);
    expect(weekWindows(Date.parse("2026-12-06T23:30:00Z"), "Europe/Berlin", 1)[0]!.start).toBe("2026-12-07");
  });

  it("give the database the zone's offsets, changes found to the minute", () => {
    const year = offsetPeriods("Europe/Berlin", Date.parse("2026-01-01T00:00:00Z"), Date.parse("2026-12-31T00:00:00Z"));
    expect(year).toEqual([
      { from: Date.parse("2026-01-01T00:00:00Z"), offsetMs: HOUR },
      { from: Date.parse("2026-03-29T01:00:00Z"), offsetMs: 2 * HOUR },
      { from: Date.parse("2026-10-25T01:00:00Z"), offsetMs: HOUR },
    ]);
    expect(offsetPeriods("Asia/Kathmandu", NOW - 400 * DAY, NOW)).toEqual([{ from: NOW - 400 * DAY, offsetMs: 5.75 * HOUR }]);
  });
});
