import { wallClock } from "../time/local-date.js";

/** From `from` on (until the next period), the zone's clocks are `offsetMs` ahead of UTC. */
export interface OffsetPeriod {
  from: number;
  offsetMs: number;
}

const WEEK_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;

function offsetAt(at: number, timeZone: string): number {
  const c = wallClock(at, timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(at / 1000) * 1000;
}

/** The first minute in (before, after] with the offset `after` has, by halving: clocks change on a whole minute. */
function changeBetween(before: number, after: number, timeZone: string): number {
  const wanted = offsetAt(after, timeZone);
  let [low, high] = [Math.floor(before / MINUTE_MS), Math.ceil(after / MINUTE_MS)];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * MINUTE_MS, timeZone) === wanted) high = middle;
    else low = middle;
  }
  return high * MINUTE_MS;
}

/**
 * The zone's offsets between two instants, oldest first, so that the database can put a time into its local day
 * with one `case` (a period a change) instead of handing every time over. Looked at week by week: no zone changes
 * its clocks twice within a week.
 */
export function offsetPeriods(timeZone: string, from: number, to: number): OffsetPeriod[] {
  const periods: OffsetPeriod[] = [{ from, offsetMs: offsetAt(from, timeZone) }];
  for (let at = from; at < to;) {
    const next = Math.min(at + WEEK_MS, to);
    const offsetMs = offsetAt(next, timeZone);
    if (offsetMs !== periods.at(-1)!.offsetMs) periods.push({ from: changeBetween(at, next, timeZone), offsetMs });
    at = next;
  }
  return periods;
}
