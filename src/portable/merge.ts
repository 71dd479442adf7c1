import { normalizeUrl } from "../links/normalize.js";
import { MAX_IMPORTED_TAGS } from "./fields.js";
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
  return {
    url,
    urlKey,
    title: link.title,
    tags: [...link.tags],
    notes: [...link.notes],
    savedAt: link.savedAt,
    read: link.read,
    readAt: link.readAt,
    source: link.source ?? null,
  };
}

const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * A link met more than once, with what it holds so far as sets: a file that repeats one address thousands of
 * times, each time with other tags and notes, must cost each copy its own size, not everything merged so far.
 */
interface Merged {
  link: KeyedLink;
  tags: Set<string>;
  notes: Set<string>;
}

function merging(link: KeyedLink): Merged {
  return { link, tags: new Set(link.tags), notes: new Set(link.notes.map((note) => note.text)) };
}

function mergeInto({ link: kept, tags, notes }: Merged, other: PortableLink): void {
  // An unknown date means "at import time", which is later than any date the file gives.
  kept.savedAt = kept.savedAt === null || other.savedAt === null ? (kept.savedAt ?? other.savedAt) : Math.min(kept.savedAt, other.savedAt);
  kept.title ??= other.title;
  kept.source ??= other.source ?? null;
  for (const tag of other.tags) {
    if (tags.size >= MAX_IMPORTED_TAGS || tags.has(tag)) continue;
    tags.add(tag);
    kept.tags.push(tag);
  }
  for (const note of other.notes) {
    if (notes.has(note.text)) continue;
    notes.add(note.text);
    kept.notes.push(note);
  }
  kept.read ||= other.read;
  kept.readAt = earliest(kept.readAt, other.readAt);
}

/**
 * One link per normalized address: the earliest date wins, tags and notes merge, read if any copy is.
 * Addresses that are not http(s) links are returned apart, for the preview to mention.
 */
export function mergeDuplicates(links: readonly PortableLink[]): { links: KeyedLink[]; invalid: string[] } {
  const byKey = new Map<string, KeyedLink>();
  const repeated = new Map<string, Merged>();
  const invalid: string[] = [];
  for (const link of links) {
    const normalized = normalizeUrl(link.url);
    if (!normalized) {
      invalid.push(link.url);
      continue;
    }
    const kept = byKey.get(normalized.key);
    if (!kept) {
      byKey.set(normalized.key, keyedCopy(link, normalized.display, normalized.key));
      continue;
    }
    let merged = repeated.get(normalized.key);
    if (!merged) repeated.set(normalized.key, (merged = merging(kept)));
    mergeInto(merged, link);
  }
  return { links: [...byKey.values()], invalid };
}
