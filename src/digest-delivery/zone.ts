import type { DB } from "../db/connection.js";
import { formatDigestTime } from "../digest/schedule.js";
import { setDigestNextAt } from "../store/digest.js";
import { setTimeZone } from "../store/users.js";
import { localDate, wallClock } from "../time/local-date.js";
import { escapeHtml } from "../views/html.js";
import type { Translate } from "../views/translate.js";
import { nextDigestAt } from "./reschedule.js";

interface ZoneUser {
  id: number;
  digest_minute: number;
  digest_enabled: number;
}

/**
 * The user chose a zone (typed, tapped or from a location): stored, the digest moved to its local time there, and
 * the answer that says so: the zone, the local time there now, and when the next digest comes.
 */
export async function chooseTimeZone(db: DB, t: Translate, user: ZoneUser, zone: string, now: number): Promise<string> {
  await setTimeZone(db, user.id, zone);
  const next = await nextDigestAt(db, { id: user.id, time_zone: zone }, user.digest_minute, now);
  await setDigestNextAt(db, user.id, next);
  const time = formatDigestTime(user.digest_minute);
  const today = localDate(next, zone) === localDate(now, zone);
  const digest = user.digest_enabled === 1 ? t(today ? "zone-digest-today" : "zone-digest-tomorrow", { time }) : t("start-digest-off");
  return t("zone-chosen", { zone: escapeHtml(zone), time: localTime(zone, now), digest });
}

/** "15:42" in that zone. */
export function localTime(zone: string, at: number): string {
  const { hour, minute } = wallClock(at, zone);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
