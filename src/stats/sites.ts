// Scheme, then credentials if any, then the host up to the port, path, query or fragment.
const HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i;

/**
 * The site of a saved address as the Mini App's site filter names it: the host without "www.". A pattern rather
 * than `new URL()`: stored addresses are normalized already, and a user's 100,000 links are read at every /stats.
 */
export function siteOf(url: string): string {
  const host = HOST.exec(url)?.[1]?.toLowerCase() ?? "";
  return host.replace(/^www\./, "") || url;
}

/** The most frequent sites of these addresses, most first (ties by name), at most `limit`. */
export function topSites(urls: readonly string[], limit: number): { site: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const url of urls) {
    const site = siteOf(url);
    counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  return [...counts]
    .map(([site, count]) => ({ site, count }))
    .sort((a, b) => b.count - a.count || (a.site < b.site ? -1 : 1))
    .slice(0, limit);
}
