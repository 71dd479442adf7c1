import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/telegram/i18n.js";
import { formatDate, formatDay, formatDayName, formatDayRange, formatMonth } from "../../src/views/dates.js";
import type { Translate } from "../../src/views/translate.js";

const i18n = createI18n();
const en: Translate = (key, variables) => i18n.t("en", key, variables);
const zh: Translate = (key, variables) => i18n.t("zh", key, variables);
const TODAY = "2026-11-25";

describe("dates in English", () => {
  it("names a day with its weekday, and a date in a sentence without, the year only when it is not this year's", () => {
    expect(formatDay(en, "2026-12-02", TODAY)).toBe("Wed, Dec 2");
    expect(formatDate(en, "2026-12-02", TODAY)).toBe("Dec 2");
    expect(formatDay(en, "2021-06-22", TODAY)).toBe("Tue, Jun 22, 2021");
    expect(formatDate(en, "2020-08-06", TODAY)).toBe("Aug 6, 2020");
  });

  it("names months and ranges of days; one day is said once", () => {
    expect(formatMonth(en, "2026-11")).toBe("November 2026");
    expect(formatDayRange(en, "2026-11-19", "2026-11-25", TODAY)).toBe("Nov 19 – 25");
    expect(formatDayRange(en, "2026-10-27", "2026-11-25", TODAY)).toBe("Oct 27 – Nov 25");
    expect(formatDayRange(en, "2025-12-29", "2026-01-04", "2026-01-04")).toBe("Dec 29, 2025 – Jan 4, 2026");
    expect(formatDayRange(en, "2026-11-20", "2026-11-20", TODAY)).toBe("Nov 20");
  });
});

describe("dates in Chinese", () => {
  it("writes a day as 12月2日 周三, the year only when it is not this year's", () => {
    expect(formatDay(zh, "2026-12-02", TODAY)).toBe("12月2日 周三");
    expect(formatDate(zh, "2026-12-02", TODAY)).toBe("12月2日");
    expect(formatDay(zh, "2021-06-22", TODAY)).toBe("2021年6月22日 周二");
    expect(formatDate(zh, "2020-08-06", TODAY)).toBe("2020年8月6日");
  });

  it("names months, and ranges with 至", () => {
    expect(formatMonth(zh, "2026-11")).toBe("2026年11月");
    expect(formatDayRange(zh, "2026-11-19", "2026-11-25", TODAY)).toBe("11月19日至25日");
    expect(formatDayRange(zh, "2026-10-27", "2026-11-25", TODAY)).toBe("10月27日至11月25日");
    expect(formatDayRange(zh, "2025-12-29", "2026-01-04", "2026-01-04")).toBe("2025年12月29日至2026年1月4日");
    expect(formatDayRange(zh, "2025-11-19", "2025-11-25", TODAY)).toBe("2025年11月19日至25日");
    expect(formatDayRange(zh, "2026-11-20", "2026-11-20", TODAY)).toBe("11月20日");
  });
});

describe("dates whatever the server's zone and the translation", () => {
  it("never shift a day: a local date is read as it is, not as an instant in the server's zone", () => {
    // Every weekday of a week, both languages: the weekday follows the date alone.
    const week = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"];
    expect(week.map((date) => formatDay(en, date, TODAY).slice(0, 3))).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(week.map((date) => formatDay(zh, date, TODAY).split(" ")[1])).toEqual(["周一", "周二", "周三", "周四", "周五", "周六", "周日"]);
  });

  it("are English for a translation that names no locale, such as a test's stand-in", () => {
    const standIn: Translate = (key) => key;
    expect(formatDay(standIn, "2026-12-02", TODAY)).toBe("Wed, Dec 2");
  });
});

describe("a list's day headings", () => {
  it("call today and yesterday by name, in each language, and date the other days", () => {
    expect([TODAY, "2026-11-24", "2026-11-23"].map((date) => formatDayName(en, date, TODAY))).toEqual(["Today", "Yesterday", "Mon, Nov 23"]);
    expect([TODAY, "2026-11-24", "2026-11-23"].map((date) => formatDayName(zh, date, TODAY))).toEqual(["今天", "昨天", "11月23日 周一"]);
    // Across a year's end.
    expect(formatDayName(en, "2025-12-31", "2026-01-01")).toBe("Yesterday");
  });
});
