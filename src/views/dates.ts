import { addDays, parseLocalDate, type LocalDate } from "../time/local-date.js";
import type { Translate } from "./translate.js";

/**
 * Dates as a reader of the user's language writes them: "Wed, Dec 2" and "12月2日 周三", the year only when it is
 * not this year's. The language comes through the translation function itself (`date-locale` in each locale's
 * files), so every view that has a `t` formats dates in its language, in handlers and background jobs alike.
 * Files and file names keep ISO dates: they are read by programs as much as by people.
 */

/** The shapes one language writes dates in; each takes instants at UTC midnight of the local date. */
interface DateWords {
  /** A day heading, with its weekday: "Wed, Dec 2". */
  day(at: number, withYear: boolean): string;
  /** A date inside a sentence: "Dec 2". */
  date(at: number, withYear: boolean): string;
  /** A calendar month: "November 2026". */
  month(at: number): string;
  /** Two different days: "Nov 19 – 25". */
  range(first: number, last: number, withYear: boolean): string;
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // Local dates are carried as UTC midnights and read back in UTC: the server's own zone never shifts a day.
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
}

/** ICU puts thin and narrow spaces in some shapes ("Nov 19 – 25"), and which ones changes between versions. */
const plainSpaces = (text: string) => text.replace(/[\u2009\u202f]/gu, " ");

const year = (withYear: boolean): Intl.DateTimeFormatOptions => (withYear ? { year: "numeric" } : {});

/** Intl's own shapes for the locale: right for English ("Wed, Dec 2", "Nov 19 – 25") and most languages. */
function intlWords(locale: string): DateWords {
  const monthDay = [false, true].map((withYear) => formatter(locale, { month: "short", day: "numeric", ...year(withYear) }));
  const weekday = [false, true].map((withYear) => formatter(locale, { weekday: "short", month: "short", day: "numeric", ...year(withYear) }));
  const month = formatter(locale, { month: "long", year: "numeric" });
  return {
    day: (at, withYear) => plainSpaces(weekday[Number(withYear)]!.format(at)),
    date: (at, withYear) => plainSpaces(monthDay[Number(withYear)]!.format(at)),
    month: (at) => plainSpaces(month.format(at)),
    range: (first, last, withYear) => plainSpaces(monthDay[Number(withYear)]!.formatRange(first, last)),
  };
}

/**
 * Chinese: "12月2日 周三" with a space before the weekday, as people write it (Intl runs them together), and
 * ranges with 至 ("11月19日至25日"), since Intl's Chinese ranges fall back to "11/19 – 11/25".
 */
function chineseWords(locale: string): DateWords {
  const monthDay = [false, true].map((withYear) => formatter(locale, { month: "long", day: "numeric", ...year(withYear) }));
  const weekday = formatter(locale, { weekday: "short" });
  const dayOnly = formatter(locale, { day: "numeric" });
  const month = formatter(locale, { year: "numeric", month: "long" });
  const date = (at: number, withYear: boolean) => monthDay[Number(withYear)]!.format(at);
  return {
    day: (at, withYear) => `${date(at, withYear)} ${weekday.format(at)}`,
    date,
    month: (at) => month.format(at),
    range(first, last, withYear) {
      const [a, b] = [new Date(first), new Date(last)];
      const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
      const end = !sameYear ? date(last, true) : a.getUTCMonth() === b.getUTCMonth() ? dayOnly.format(last) : date(last, false);
      return `${date(first, withYear || !sameYear)}至${end}`;
    },
  };
}

const FALLBACK_LOCALE = "en-US";
const wordsByLocale = new Map<string, DateWords>();

/** The date words of the translation's language; English when it names no locale Intl knows. */
function wordsOf(t: Translate): DateWords {
  const named = t("date-locale");
  let words = wordsByLocale.get(named);
  if (words) return words;
  let locale = named;
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf(locale).length === 0) locale = FALLBACK_LOCALE;
  } catch {
    // Not a language tag at all (a test's stand-in translation returns the key itself).
    locale = FALLBACK_LOCALE;
  }
  words = locale.toLowerCase().startsWith("zh") ? chineseWords(locale) : intlWords(locale);
  wordsByLocale.set(named, words);
  return words;
}

function instant(date: LocalDate): number {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(parsed.year, parsed.month - 1, parsed.day);
}

const yearOf = (date: LocalDate) => date.slice(0, 4);

/** A day as a heading, with its weekday: "Wed, Dec 2" / "12月2日 周三"; the year when it is not `today`'s. */
export function formatDay(t: Translate, date: LocalDate, today: LocalDate): string {
  return wordsOf(t).day(instant(date), yearOf(date) !== yearOf(today));
}

/** A day as a list's heading names it: "Today", "Yesterday" ("今天", "昨天"), else as `formatDay` writes it. */
export function formatDayName(t: Translate, date: LocalDate, today: LocalDate): string {
  if (date === today) return t("day-today");
  if (date === addDays(today, -1)) return t("day-yesterday");
  return formatDay(t, date, today);
}

/** A date inside a sentence: "Dec 2" / "12月2日"; the year when it is not `today`'s. */
export function formatDate(t: Translate, date: LocalDate, today: LocalDate): string {
  return wordsOf(t).date(instant(date), yearOf(date) !== yearOf(today));
}

/** A calendar month given as YYYY-MM: "November 2026" / "2026年11月". */
export function formatMonth(t: Translate, month: string): string {
  return wordsOf(t).month(instant(`${month}-01`));
}

/** The days from `first` to `last`: "Nov 19 – 25" / "11月19日至25日"; one day is said once, as a date. */
export function formatDayRange(t: Translate, first: LocalDate, last: LocalDate, today: LocalDate): string {
  if (first === last) return formatDate(t, first, today);
  return wordsOf(t).range(instant(first), instant(last), yearOf(first) !== yearOf(today) || yearOf(last) !== yearOf(today));
}
