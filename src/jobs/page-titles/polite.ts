// Which due links a tick fetches. Pure: the worker keeps the hosts it is fetching from and hands them in.

export interface Queued {
  url: string;
  /** 0: someone is waiting for this title (a live save); more: background work such as an import. */
  fetch_priority: number;
}

export interface FetchPlan<T> {
  live: T[];
  background: { link: T; host: string }[];
}

export interface PlanLimits {
  /** Live fetches started by one tick. */
  live: number;
  /** Background fetches in flight at once, counting those still running from earlier ticks. */
  background: number;
}

/** The server a fetch lands on, for politeness: `www.` and letter case name the same site. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./u, "");
  } catch {
    return url;
  }
}

/**
 * Every due live save up to the limit, and background links only from hosts no background fetch is talking
 * to yet, one per host: an import of thousands of links on a few sites then never opens parallel connections
 * to one of them, and the background never takes more places than its own.
 */
export function planFetches<T extends Queued>(due: readonly T[], busyHosts: ReadonlySet<string>, limits: PlanLimits): FetchPlan<T> {
  const live = due.filter((link) => link.fetch_priority === 0).slice(0, limits.live);
  const background: FetchPlan<T>["background"] = [];
  // One background fetch per busy host is in flight, so their number is the places already taken.
  const room = limits.background - busyHosts.size;
  const taken = new Set(busyHosts);
  for (const link of due) {
    if (background.length >= room) break;
    if (link.fetch_priority === 0) continue;
    const host = hostOf(link.url);
    if (taken.has(host)) continue;
    taken.add(host);
    background.push({ link, host });
  }
  return { live, background };
}
