import { describe, expect, it } from "vitest";
import { isoTime, tagSet, unixTime } from "../../src/portable/fields.js";
import { localDayRange, zonedTimeToEpoch } from "../../src/time/local-date.js";

const context = { timeZone: "Asia/Kolkata", now: Date.UTC(2026, 10, 25) };

describe("dates in foreign files", () => {
  it.each([
    ["1688169600", Date.UTC(2023, 6, 1)],
    ["1688169600123", Date.UTC(2023, 6, 1, 0, 0, 0, 123)],
    ["1688169600123456", Date.UTC(2023, 6, 1, 0, 0, 0, 123)],
    [" 1688169600 ", Date.UTC(2023, 6, 1)],
    ["0", null],
    ["", null],
    [undefined, null],
    ["-5", null],
    ["1.5e9", null],
  ])("reads unix time %j in seconds, milliseconds or microseconds as %j", (text, expected) => {
    expect(unixTime(text)).toBe(expected);
  });

  it.each([
    ["2023-03-15T10:20:30.123Z", Date.UTC(2023, 2, 15, 10, 20, 30, 123)],
    ["2023-03-15T10:20:30+05:30", Date.UTC(2023, 2, 15, 4, 50, 30)],
    ["2023-03-15 10:20:30-0800", Date.UTC(2023, 2, 15, 18, 20, 30)],
    ["2023-03-15T10:20:30.1234567Z", Date.UTC(2023, 2, 15, 10, 20, 30, 123)],
    ["2023-03-15T10:20", zonedTimeToEpoch({ year: 2023, month: 3, day: 15, hour: 10, minute: 20 }, "Asia/Kolkata")],
    ["2023-03-15", localDayRange("2023-03-15", "Asia/Kolkata").start],
    ["2023-02-30", null],
    ["2023-03-15T25:00Z", null],
    ["yesterday", null],
    ["", null],
  ])("reads ISO 8601 %j, a time without offset or a bare day in the user's zone", (text, expected) => {
    expect(isoTime(text, context)).toBe(expected);
  });
});

describe("tags from other services", () => {
  it("keeps multi-word tags as one, joined by dashes, and drops blanks and repeats", () => {
    expect(tagSet(["Machine Learning", " rust ", "#Rust", "", "中文 标签", "!!"])).toEqual(["machine-learning", "rust", "中文-标签"]);
  });

  it("keeps at most 50 tags on a link", () => {
    expect(tagSet(Array.from({ length: 500 }, (_, i) => `t${i}`))).toHaveLength(50);
  });
});
