import { addDays, localDate, parseLocalDate, zonedTimeToEpoch, type LocalDate } from "../time/local-date.js";

/** Minutes after local midnight, e.g. 08:30 → 510. */
export type MinuteOfDay = number;

export const DEFAULT_DIGEST_MINUTE: MinuteOfDay = 8 * 60;

export function formatDigestTime(minute: MinuteOfDay): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** The instant the digest of a given local date is due. */
export function dueAtOn(date: LocalDate, minute: MinuteOfDay, timeZone: string): number {
  const day = parseLocalDate(date);
  if (!day) throw new RangeError(`not a date: ${date}`);
  return zonedTimeToEpoch({ ...day, hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone);
}

/**
 * When the next digest is due: today's time if it is still ahead and today's digest was not sent yet,
 * else tomorrow's. Computed from the local time each time, so DST changes never shift the hour.
 */
export function nextDueAt(now: number, minute: MinuteOfDay, timeZone: string, lastSentDate: LocalDate | null): number {
  const today = localDate(now, timeZone);
  const todayDue = dueAtOn(today, minute, timeZone);
  if (lastSentDate !== today && todayDue > now) return todayDue;
  return dueAtOn(addDays(today, 1), minute, timeZone);
}
