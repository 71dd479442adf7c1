import { addDays, type LocalDate } from "../time/local-date.js";

/** A note comes back this many days after it was written: spaced repetition, widening each time. */
export const REVISIT_AFTER_DAYS = [1, 7, 30, 90] as const;

/** The local dates whose notes are due for review on `today`, most recent interval first. */
export function revisitDates(today: LocalDate): LocalDate[] {
  return REVISIT_AFTER_DAYS.map((days) => addDays(today, -days));
}

export interface RevisitCandidate {
  noteId: number;
  /** Local date the note was written. */
  date: LocalDate;
}

/**
 * At most `limit` notes to resurface, one per interval as far as possible and the longest-forgotten first:
 * a 90-day-old note is likelier to be forgotten than yesterday's.
 */
export function pickRevisits<T extends RevisitCandidate>(candidates: readonly T[], today: LocalDate, limit: number): T[] {
  const byDate = new Map<LocalDate, T[]>();
  for (const candidate of candidates) byDate.set(candidate.date, [...(byDate.get(candidate.date) ?? []), candidate]);
  const intervals = revisitDates(today)
    .reverse()
    .map((date) => byDate.get(date) ?? []);
  const picked: T[] = [];
  for (let round = 0; picked.length < limit && intervals.some((notes) => notes.length > round); round++) {
    for (const notes of intervals) {
      const note = notes[round];
      if (note && picked.length < limit) picked.push(note);
    }
  }
  return picked;
}
