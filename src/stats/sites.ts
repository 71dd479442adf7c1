/** The site of a host as the Mini App's site filter names it: without "www.", a port or credentials, in lower case. */
export function siteOf(host: string): string {
  return host
    .replace(/^[^@]*@/, "")
    .replace(/:\d*$/, "")
    .toLowerCase()
    .replace(/^www\./, "");
}

/** The most frequent sites, most first (ties by name), at most `limit`, from links counted by host. */
export function topSites(hosts: readonly { host: string; count: number }[], limit: number): { site: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { host, count } of hosts) {
    const site = siteOf(host);
    counts.set(site, (counts.get(site) ?? 0) + count);
  }
  return [...counts]
    .map(([site, count]) => ({ site, count }))
    .sort((a, b) => b.count - a.count || (a.site < b.site ? -1 : 1))
    .slice(0, limit);
}
