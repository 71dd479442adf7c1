import { describe, expect, it } from "vitest";
import { parseDay } from "../../src/time/day-input.js";

// A Thursday. Dec 1 has not come yet this year, so a year-less Dec 1 is last year's.
const TODAY = "2026-11-26";

const english: [string, string][] = [
  ["today", "2026-11-26"],
  ["Today", "2026-11-26"],
  ["yesterday", "2026-11-25"],
  ["day before yesterday", "2026-11-24"],
  ["the day before yesterday", "2026-11-24"],
  // A weekday alone is the last one before today, and "last" names the same day.
  ["monday", "2026-11-23"],
  ["mon", "2026-11-23"],
  ["Sunday", "2026-11-22"],
  ["thursday", "2026-11-19"],
  ["last friday", "2026-11-20"],
  ["last thursday", "2026-11-19"],
  ["3 days ago", "2026-11-23"],
  ["a week ago", "2026-11-19"],
  ["2 weeks ago", "2026-11-12"],
  ["12-1", "2025-12-01"],
  ["12/1", "2025-12-01"],
  ["12.1", "2025-12-01"],
  ["11/20", "2026-11-20"],
  ["11-26", "2026-11-26"],
  ["2026-12-1", "2026-12-01"],
  ["2026-12-01", "2026-12-01"],
  ["2026/12/01", "2026-12-01"],
  ["2026.12.1", "2026-12-01"],
  ["2026-11-20", "2026-11-20"],
  ["Dec 1", "2025-12-01"],
  ["1 Dec", "2025-12-01"],
  ["December 1st", "2025-12-01"],
  ["Nov 20", "2026-11-20"],
  ["20 November", "2026-11-20"],
  ["December 1, 2024", "2024-12-01"],
  ["2/29", "2024-02-29"],
  ["yesterday evening", "2026-11-25"],
];

const chinese: [string, string][] = [
  ["今天", "2026-11-26"],
  ["昨天", "2026-11-25"],
  ["昨日", "2026-11-25"],
  ["前天", "2026-11-24"],
  ["大前天", "2026-11-23"],
  ["周一", "2026-11-23"],
  ["星期一", "2026-11-23"],
  ["礼拜一", "2026-11-23"],
  ["周四", "2026-11-19"],
  ["周日", "2026-11-22"],
  ["星期天", "2026-11-22"],
  ["礼拜天", "2026-11-22"],
  // 上周五 is Friday of last week, as chrono reads it; 上周一 is then ten days back.
  ["上周五", "2026-11-20"],
  ["上周一", "2026-11-16"],
  ["上个星期五", "2026-11-20"],
  ["这周一", "2026-11-23"],
  ["本周一", "2026-11-23"],
  ["3天前", "2026-11-23"],
  ["三天前", "2026-11-23"],
  ["两天前", "2026-11-24"],
  ["十天前", "2026-11-16"],
  ["一周前", "2026-11-19"],
  ["2周前", "2026-11-12"],
  ["一个星期前", "2026-11-19"],
  ["12月1日", "2025-12-01"],
  ["12月1号", "2025-12-01"],
  ["十二月一日", "2025-12-01"],
  ["11月20日", "2026-11-20"],
  ["十一月二十号", "2026-11-20"],
  ["2026年12月1日", "2026-12-01"],
  ["2025年12月1号", "2025-12-01"],
  ["2026年11月20日", "2026-11-20"],
  ["１２／１", "2025-12-01"],
  ["２０２６－１１－２０", "2026-11-20"],
];

describe("days as people type them", () => {
  it.each(english)("reads %j (English) as %s", (input, date) => {
    expect(parseDay(input, TODAY)).toBe(date);
  });

  it.each(chinese)("reads %j (Chinese) as %s", (input, date) => {
    expect(parseDay(input, TODAY)).toBe(date);
  });

  it("takes a weekday that is today as the one a week ago, on any weekday", () => {
    expect(parseDay("monday", "2026-11-23")).toBe("2026-11-16");
    expect(parseDay("星期一", "2026-11-24")).toBe("2026-11-23");
    expect(parseDay("sunday", "2026-11-22")).toBe("2026-11-15");
    expect(parseDay("周六", "2026-11-22")).toBe("2026-11-21");
  });

  it("takes a year-less date as its last occurrence up to today, across the new year", () => {
    expect(parseDay("12-31", "2027-01-02")).toBe("2026-12-31");
    expect(parseDay("1/2", "2027-01-02")).toBe("2027-01-02");
    expect(parseDay("1月3日", "2027-01-02")).toBe("2026-01-03");
    expect(parseDay("Jan 3", "2027-01-02")).toBe("2026-01-03");
  });

  it.each(["", "asdf", "tomorrow-ish", "20261120", "2026-02-30", "2/30", "13/1", "12-32", "9999-99-99", "yesterday and today", "昨天和今天", "12月1日星期二"])(
    "refuses %j",
    (input) => {
      expect(parseDay(input, TODAY)).toBeNull();
    },
  );
});
