export interface UpNextCandidate {
  id: number;
  saved_at: number;
}

/** A small deterministic generator, so the random pick of a day is the same on a retry of that day. */
function seededIndex(seed: string, length: number): number {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
  return (hash >>> 0) % length;
}

/**
 * Up to `size` unread links to read today, chosen so nothing rots: the oldest unread first, plus one
 * random pick among the rest. Links shown yesterday are left out unless nothing else is unread.
 * `candidates` are the oldest unread, not snoozed, oldest first.
 */
export function chooseUpNext<T extends UpNextCandidate>(candidates: readonly T[], size: number, shownYesterday: ReadonlySet<number>, seed: string): T[] {
  const fresh = candidates.filter((link) => !shownYesterday.has(link.id));
  const pool = fresh.length > 0 ? fresh : [...candidates];
  if (pool.length <= size) return pool;
  const oldest = pool.slice(0, Math.max(size - 1, 1));
  if (oldest.length >= size) return oldest;
  const rest = pool.slice(oldest.length);
  return [...oldest, rest[seededIndex(seed, rest.length)]!];
}
