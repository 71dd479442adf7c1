import { normalizeUrl } from "../links/normalize.js";
import type { PortableLink } from "./model.js";

/** A link ready to store: its de-duplication key and the address as shown (tracking parameters removed). */
export interface KeyedLink extends PortableLink {
  urlKey: string;
}

/**
 * A copy the merge may change without touching the parsed link. Spelled out rather than `{ ...link, … }`:
 * V8 builds a spread copy with overridden fields several times slower, which shows on a 100,000-link import.
 */
function keyedCopy(link: PortableLink, url: string, urlKey: string): KeyedLink {
  return { url, urlKey, title: link.title, tags: [...link.tags], notes: [...link.notes], savedAt: link.savedAt, read: link.read, readAt: link.readAt };
}

const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

function mergeInto(kept: KeyedLink, other: PortableLink): void {
  // An unknown date means "at import time", which is later than any date the file gives.
  kept.savedAt = kept.savedAt === null || other.savedAt === null ? (kept.savedAt ?? other.savedAt) : Math.min(kept.savedAt, other.savedAt);
  kept.title ??= other.title;
  kept.tags = [...new Set([...kept.tags, ...other.tags])];
  const known = new Set(kept.notes.map((note) => note.text));
  kept.notes.push(...other.notes.filter((note) => !known.has(note.text)));
  kept.read ||= other.read;
  kept.readAt = earliest(kept.readAt, other.readAt);
}

/**
 * One link per normalized address: the earliest date wins, tags and notes merge, read if any copy is.
 * Addresses that are not http(s) links are returned apart, for the preview to mention.
 */
export function mergeDuplicates(links: readonly PortableLink[]): { links: KeyedLink[]; invalid: string[] } {
  const byKey = new Map<string, KeyedLink>();
  const invalid: string[] = [];
  for (const link of links) {
    const normalized = normalizeUrl(link.url);
    if (!normalized) {
      invalid.push(link.url);
      continue;
    }
    const kept = byKey.get(normalized.key);
    if (kept) mergeInto(kept, link);
    else byKey.set(normalized.key, keyedCopy(link, normalized.display, normalized.key));
  }
  return { links: [...byKey.values()], invalid };
}
