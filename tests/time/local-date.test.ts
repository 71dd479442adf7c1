import { describe, expect, it } from "vitest";
import { addDays, groupByLocalDate, localDate, localDayRange, zonedTimeToEpoch } from "../../src/time/local-date.js";

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const hours = (range: { start: number; end: number }) => (range.end - range.start) / 3_600_000;

describe("local dates in a time zone", () => {
  it("puts an instant on the date its zone's wall clock shows", () => {
    const lateUtc = Date.UTC(2026, 10, 20, 23, 30);
    expect(localDate(lateUtc, "UTC")).toBe("2026-11-20");
    expect(localDate(lateUtc, "Asia/Shanghai")).toBe("2026-11-21");
    expect(localDate(lateUtc, "America/New_York")).toBe("2026-11-20");
    expect(localDate(Date.UTC(2026, 10, 20, 18, 29), "Asia/Kolkata")).toBe("2026-11-20");
    expect(localDate(Date.UTC(2026, 10, 20, 18, 30), "Asia/Kolkata")).toBe("2026-11-21");
  });

  it("finds local midnight and the length of days across DST changes", () => {
    expect(localDayRange("2026-03-29", "Europe/Berlin")).toEqual({ start: Date.UTC(2026, 2, 28, 23), end: Date.UTC(2026, 2, 29, 22) });
    expect(hours(localDayRange("2026-03-29", "Europe/Berlin"))).toBe(23);
    expect(hours(localDayRange("2026-10-25", "Europe/Berlin"))).toBe(25);
    expect(hours(localDayRange("2026-03-08", "America/New_York"))).toBe(23);
    expect(hours(localDayRange("2026-11-01", "America/New_York"))).toBe(25);
    expect(localDayRange("2026-11-25", "Asia/Kolkata").start).toBe(Date.UTC(2026, 10, 24, 18, 30));
    expect(hours(localDayRange("2026-06-01", "Asia/Shanghai"))).toBe(24);
  });

  it("maps a skipped wall time past the jump and a repeated one to its first occurrence", () => {
    expect(iso(zonedTimeToEpoch({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Berlin"))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(zonedTimeToEpoch({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Berlin"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(zonedTimeToEpoch({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("does calendar arithmetic across month and year ends and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("groups items into runs of the same local date, keeping their order", () => {
    const times = [Date.UTC(2026, 10, 21, 1), Date.UTC(2026, 10, 20, 17), Date.UTC(2026, 10, 20, 15, 59), Date.UTC(2026, 10, 19, 12)];
    const groups = groupByLocalDate(times, "Asia/Shanghai", (t) => t);
    expect(groups.map((g) => [g.date, g.items.length])).toEqual([
      ["2026-11-21", 2],
      ["2026-11-20", 1],
      ["2026-11-19", 1],
    ]);
    expect(groupByLocalDate(times, "UTC", (t) => t).map((g) => g.date)).toEqual(["2026-11-21", "2026-11-20", "2026-11-19"]);
    expect(groupByLocalDate([], "UTC", (t: number) => t)).toEqual([]);
  });
});
