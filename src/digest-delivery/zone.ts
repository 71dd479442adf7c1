import type { DB } from "../db/connection.js";
import { setDigestNextAt } from "../store/digest.js";
import { setTimeZone } from "../store/users.js";
import { localDate } from "../time/local-date.js";
import { nextDigestAt } from "./reschedule.js";

export interface ZoneChoice {
  zone: string;
  /** When the digest comes next, now that it knows the zone (it keeps its local time). */
  nextDigestAt: number;
  /** Whether that is today, in the new zone: "at 08:00 today" or "tomorrow". */
  nextDigestToday: boolean;
}

/** The user chose a zone (typed, tapped or from a location): stored, and the digest moved to its local time there. */
export async function chooseTimeZone(db: DB, user: { id: number; digest_minute: number }, zone: string, now: number): Promise<ZoneChoice> {
  await setTimeZone(db, user.id, zone);
  const next = await nextDigestAt(db, { id: user.id, time_zone: zone }, user.digest_minute, now);
  await setDigestNextAt(db, user.id, next);
  return { zone, nextDigestAt: next, nextDigestToday: localDate(next, zone) === localDate(now, zone) };
}
