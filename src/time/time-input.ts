/**
 * Times of day as people type them after /digest, in English and Chinese, as minutes after midnight. Words go to
 * chrono (`chrono-node`: 9pm, 9:30 pm, noon, midnight, 早上8点, 晚上9点半, 下午3点15分, 中午12点, 凌晨1点, 8点半).
 * Written here, where chrono misses or means something else:
 * - digits alone: 21:00 and 7:30 (chrono reads them too), 7.30, 2100, 0730 and a bare hour (8), which it does not;
 * - 一刻 and 三刻 (a quarter, three quarters): chrono reads 9点一刻 as 9:01;
 * - 晚上12点 (and 半夜, 深夜, 夜里 12点) is midnight, which chrono reads as noon;
 * - 早8点 and 晚9点, short for 早上 and 晚上, which chrono reads only in part.
 * The whole text must be one time of day: no date with it ("tomorrow 9pm" is no digest time), no words around it.
 */
import { chronoWhole } from "./chrono.js";
import { foldInput } from "./input-text.js";

function minutes(hour: number, minute: number): number | null {
  return Number.isInteger(hour) && Number.isInteger(minute) && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 ? hour * 60 + minute : null;
}

/** 8, 21:00, 7:30, 7.30, 0730, 2100; undefined when the text is not digits alone. */
function digitsTime(text: string): number | null | undefined {
  const clock = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text);
  return clock ? minutes(Number(clock[1]), Number(clock[2] ?? 0)) : undefined;
}

const NIGHT = /^(?:晚上|半夜|深夜|夜里|夜裡|夜间|夜間)/;

/**
 * The time of day a person means, as minutes after midnight (21:30 → 1290), or null. Words the Chinese parser
 * needs spelt out are spelt out first (早 → 早上, 一刻 → 15分).
 */
export function parseTimeOfDay(input: string): number | null {
  const text = foldInput(input)
    .toLowerCase()
    .replace(/^早(?=[\d一二两兩三四五六七八九十])/, "早上")
    .replace(/^晚(?=[\d一二两兩三四五六七八九十])/, "晚上")
    .replace(/^(?:半夜|深夜|夜里|夜裡|夜间|夜間)/, "晚上")
    .replace(/[点點]一刻$/, "点15分")
    .replace(/[点點]三刻$/, "点45分");
  if (text === "") return null;
  const digits = digitsTime(text);
  if (digits !== undefined) return digits;
  const start = chronoWhole(text, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 });
  if (!start || !start.isCertain("hour") || start.isCertain("day") || start.isCertain("weekday")) return null;
  const hour = start.get("hour")!;
  // 晚上12点 is the midnight that ends the evening; chrono takes 12 as noon whatever comes before it.
  return minutes(NIGHT.test(text) && hour === 12 ? 0 : hour, start.get("minute") ?? 0);
}
