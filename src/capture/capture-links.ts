import type { DB } from "../db/connection.js";
import type { Link } from "../db/schema.js";
import type { Extraction } from "../links/extract.js";
import { normalizeUrl } from "../links/normalize.js";
import { saveLinks, type LinkCandidate } from "../store/links.js";
import type { MessageRef } from "../store/notes.js";
import { tagsOfLinks } from "../store/tags.js";

export interface TaggedLink extends Link {
  tags: string[];
}

export interface CaptureResult {
  saved: Link[];
  /** Links this user had already saved, with their tags. */
  known: TaggedLink[];
}

/** What capture needs of an extraction; the words are optional, since stores and tests save bare links too. */
export type CaptureInput = Pick<Extraction, "links" | "source"> & { comment?: string | null };

function toCandidates(extraction: CaptureInput): LinkCandidate[] {
  const byKey = new Map<string, LinkCandidate>();
  for (const found of extraction.links) {
    const normalized = normalizeUrl(found.url);
    if (!normalized || byKey.has(normalized.key)) continue;
    byKey.set(normalized.key, { url: normalized.display, urlKey: normalized.key, title: found.title, source: extraction.source });
  }
  return [...byKey.values()];
}

/**
 * Stores the links of one message for a user, with the message's own words as a note on each: new links are
 * saved, known ones reported with their tags.
 */
export async function captureLinks(db: DB, userId: number, extraction: CaptureInput, now: number, message?: MessageRef): Promise<CaptureResult> {
  const comment = message && extraction.comment ? { text: extraction.comment, source: extraction.source, ...message } : undefined;
  const outcomes = await saveLinks(db, userId, toCandidates(extraction), now, comment);
  const known = outcomes.filter((o) => !o.isNew).map((o) => o.link);
  const tags = await tagsOfLinks(db, known.map((link) => link.id));
  return {
    saved: outcomes.filter((o) => o.isNew).map((o) => o.link),
    known: known.map((link) => ({ ...link, tags: tags.get(link.id) ?? [] })),
  };
}
