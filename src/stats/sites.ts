// Scheme, then credentials if any, then the host up to the port, path, query or fragment.
const HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i;

/** The site of a saved (normalized) address as the Mini App's site filter names it: the host without "www.". */
export function siteOf(url: string): string {
  const host = HOST.exec(url)?.[1]?.toLowerCase() ?? "";
  return host.replace(/^www\./, "") || url;
}

/**
 * The most frequent sites, most first (ties by name), at most `limit`, from links counted by address prefix
 * (scheme and host, as the database groups them): "https://www.example.org/" and "http://example.org/" are one site.
 */
export function topSites(prefixes: readonly { prefix: string; count: number }[], limit: number): { site: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { prefix, count } of prefixes) {
    const site = siteOf(prefix);
    counts.set(site, (counts.get(site) ?? 0) + count);
  }
  return [...counts]
    .map(([site, count]) => ({ site, count }))
    .sort((a, b) => b.count - a.count || (a.site < b.site ? -1 : 1))
    .slice(0, limit);
}
