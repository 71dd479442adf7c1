import type { DB } from "../db/connection.js";
import { composeDigest, type ComposedDigest } from "../digest/compose.js";
import type { Translate } from "../views/translate.js";
import { revisitDates } from "../digest/revisit.js";
import { digestData, type DigestUser } from "../store/digest.js";
import { addDays, localDate, localDayRange, DAY_MS } from "../time/local-date.js";

// Enough of the oldest unread links for the up-next choice, including its random pick among older ones.
const CANDIDATES = 30;

/** Gathers the user's day in one query and composes the digest; null when there is nothing to send. */
export async function buildDigest(db: DB, user: DigestUser, now: number, t: Translate, always = user.digest_always === 1): Promise<ComposedDigest | null> {
  const zone = user.time_zone;
  const today = localDate(now, zone);
  const todayRange = localDayRange(today, zone);
  // Read times are bucketed into local days with today's offset; a DST change moves at most an hour's reads.
  const zoneOffsetMs = Date.parse(`${today}T00:00:00Z`) - todayRange.start;
  const facts = await digestData(db, {
    userId: user.id,
    now,
    yesterday: localDayRange(addDays(today, -1), zone),
    revisitDays: revisitDates(today).map((date) => localDayRange(date, zone)),
    offsetMs: zoneOffsetMs,
    candidates: CANDIDATES,
  });
  return composeDigest(t, facts, {
    today,
    todayNumber: Math.floor((now + zoneOffsetMs) / DAY_MS),
    timeZone: zone,
    size: user.digest_size,
    always,
    shownYesterday: new Set(user.lastShown),
  });
}
