import type { DB } from "../db/connection.js";
import type { Link } from "../db/schema.js";
import type { Extraction } from "../links/extract.js";
import { normalizeUrl } from "../links/normalize.js";
import { saveLinks, type LinkCandidate } from "../store/links.js";
import { tagsOfLinks } from "../store/tags.js";

export interface TaggedLink extends Link {
  tags: string[];
}

export interface CaptureResult {
  saved: Link[];
  /** Links this user had already saved, with their tags. */
  known: TaggedLink[];
}

function toCandidates(extraction: Extraction): LinkCandidate[] {
  const byKey = new Map<string, LinkCandidate>();
  for (const found of extraction.links) {
    const normalized = normalizeUrl(found.url);
    if (!normalized || byKey.has(normalized.key)) continue;
    byKey.set(normalized.key, { url: normalized.display, urlKey: normalized.key, title: found.title, source: extraction.source });
  }
  return [...byKey.values()];
}

/** Stores the links of one message for a user: new ones are saved, known ones reported with their tags. */
export async function captureLinks(db: DB, userId: number, extraction: Extraction, now: number): Promise<CaptureResult> {
  const outcomes = await saveLinks(db, userId, toCandidates(extraction), now);
  const known = outcomes.filter((o) => !o.isNew).map((o) => o.link);
  const tags = await tagsOfLinks(db, known.map((link) => link.id));
  return {
    saved: outcomes.filter((o) => o.isNew).map((o) => o.link),
    known: known.map((link) => ({ ...link, tags: tags.get(link.id) ?? [] })),
  };
}
