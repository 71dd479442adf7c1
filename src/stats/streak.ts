import { addDays, parseLocalDate, type LocalDate } from "../time/local-date.js";

export interface Streak {
  /** Days in a row with a link read, up to today, or up to yesterday while nothing is read yet today. */
  current: number;
  longest: number;
}

const dayNumber = (date: LocalDate) => {
  const { year, month, day } = parseLocalDate(date)!;
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/** The current and the longest run of days with a link read, from the local days something was read on. */
export function readingStreak(days: readonly LocalDate[], today: LocalDate): Streak {
  const read = new Set(days);
  let day = read.has(today) ? today : addDays(today, -1);
  let current = 0;
  while (read.has(day)) {
    current++;
    day = addDays(day, -1);
  }
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const number of days.map(dayNumber).sort((a, b) => a - b)) {
    run = number === previous + 1 ? run + 1 : number === previous ? run : 1;
    longest = Math.max(longest, run);
    previous = number;
  }
  return { current, longest };
}
