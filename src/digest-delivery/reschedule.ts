import type { DB } from "../db/connection.js";
import { nextDueAt } from "../digest/schedule.js";
import { digestSentOn } from "../store/digest.js";
import { localDate } from "../time/local-date.js";

/** The next due time after a change of time, zone or on/off: today's time still counts if today's digest is not out. */
export async function nextDigestAt(db: DB, user: { id: number; time_zone: string }, minute: number, now: number): Promise<number> {
  const today = localDate(now, user.time_zone);
  const sentToday = await digestSentOn(db, user.id, today);
  return nextDueAt(now, minute, user.time_zone, sentToday ? today : null);
}
