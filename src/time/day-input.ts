/**
 * Days as people type them after /today, in English and Chinese. Words go to chrono (`chrono-node`, its English
 * and Chinese parsers: today, yesterday, 前天, 大前天, last friday, 上周五, 3 days ago, 3天前, Dec 1, 1 Dec,
 * December 1st, 12月1日, 2026年12月1日). Written here, where chrono misses or means something else:
 * - dates in digits (2026-12-1, 2026/12/01, 2026.12.1, 12-1, 12/1, 12.1): chrono's Chinese parser reads none of
 *   them and its English one reads 12/1 but not 12-1;
 * - "day before yesterday" without "the", 一周前 / 2周前 (chrono knows only 一个星期前), 本周一 read as 这周一;
 * - a weekday alone (monday, mon, 周一, 星期一, 礼拜一) is the last one before today, never today itself, and
 *   "last monday" the same day: chrono takes the nearest, which can be ahead;
 * - a date without a year is its most recent occurrence up to today: on 2026-11-26, Dec 1 is 2025-12-01.
 * The whole text must be one date: chrono finds dates inside sentences, and a part of it ("yesterday" in
 * "yesterday-ish") is no answer.
 */
import { addDays, parseLocalDate, type LocalDate } from "./local-date.js";
import { chronoWhole, type ChronoComponents } from "./chrono.js";
import { chineseNumber, foldInput } from "./input-text.js";

function format(year: number, month: number, day: number): LocalDate | null {
  const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return parseLocalDate(date) ? date : null;
}

/** The last time a month and day came, today included (Feb 29 looks back to the last leap year). */
function lastOccurrence(month: number, day: number, today: LocalDate): LocalDate | null {
  const year = Number(today.slice(0, 4));
  for (let back = 0; back <= 8; back++) {
    const date = format(year - back, month, day);
    if (date !== null && date <= today) return date;
  }
  return null;
}

/** The last given weekday (0 Sunday … 6 Saturday) before today: a week ago when today is that weekday. */
function lastWeekday(weekday: number, today: LocalDate): LocalDate {
  const todayWeekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, -((todayWeekday - weekday + 7) % 7 || 7));
}

function digitsDate(text: string, today: LocalDate): LocalDate | null | undefined {
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号號]?$/.exec(text);
  if (full) return format(Number(full[1]), Number(full[2]), Number(full[3]));
  const short = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(text);
  if (short) return lastOccurrence(Number(short[1]), Number(short[2]), today);
  return undefined;
}

function handWritten(text: string, today: LocalDate): LocalDate | null | undefined {
  if (/^(?:the )?day before yesterday$/.test(text)) return addDays(today, -2);
  const weeks = /^(\d{1,2}|[一二两兩三四五六七八九十]{1,3})\s*[周週]前$/.exec(text);
  if (weeks) {
    const count = chineseNumber(weeks[1]!);
    return Number.isNaN(count) ? null : addDays(today, -7 * count);
  }
  return digitsDate(text, today);
}

/** Words that point at this week or ahead: then a weekday is chrono's, not the last one before today. */
const THIS_OR_NEXT = /\b(?:this|next|coming)\b|[本这這下]/;

function fromChrono(text: string, start: ChronoComponents, today: LocalDate): LocalDate | null {
  const weekday = start.get("weekday");
  if (weekday !== null && !start.isCertain("day") && !THIS_OR_NEXT.test(text)) return lastWeekday(weekday, today);
  const [year, month, day] = [start.get("year"), start.get("month"), start.get("day")];
  if (year === null || month === null || day === null) return null;
  if (start.isCertain("month") && start.isCertain("day") && !start.isCertain("year")) return lastOccurrence(month, day, today);
  return format(year, month, day);
}

/**
 * The date a person means by `input`, seen from `today` (YYYY-MM-DD in their time zone), or null. Everything chrono
 * reads stays the same day whatever the zone: it is read at noon of `today` in UTC, and only its date is kept.
 */
export function parseDay(input: string, today: LocalDate): LocalDate | null {
  // chrono knows 这周一 but reads only 周一 in 本周一 ("this week's Monday").
  const text = foldInput(input)
    .toLowerCase()
    .replace(/^本(?=[周週]|星期|礼拜|禮拜)/, "这");
  if (text === "" || !parseLocalDate(today)) return null;
  const hand = handWritten(text, today);
  if (hand !== undefined) return hand;
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const start = chronoWhole(text, { instant: new Date(Date.UTC(year, month - 1, day, 12)), timezone: 0 });
  return start ? fromChrono(text, start, today) : null;
}
