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

// An address as it stands in text, with or without its scheme.
const ADDRESS = /https?:\/\/\S+|(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?::\d+)?(?:[/?#]\S*)?/giu;
const HAS_ADDRESS = new RegExp(ADDRESS.source, "iu");
const WORDS = /[\p{L}\p{N}]/u;

/**
 * The note each link gets from its message's words: the whole text for one link or for prose, but a list of
 * "address Title" lines gives each link its own words only, not the whole list on every link. Lines without a
 * link around such a list ("Reading list for the weekend:") are its heading, kept on every link above its words.
 */
function notesOf(extraction: CaptureInput): (link: CaptureInput["links"][number]) => string | null {
  const comment = extraction.comment ?? null;
  if (comment === null || extraction.links.length < 2) return () => comment;
  const titles = extraction.links.flatMap((link) => (link.title ? [link.title] : []));
  const withoutLinks = (line: string) => titles.reduce((rest, title) => rest.split(title).join(" "), line).replace(ADDRESS, " ");
  const lines = comment.split("\n").filter((line) => line.trim() !== "");
  const linkLines = lines.filter((line) => HAS_ADDRESS.test(line) || titles.some((title) => line.includes(title)));
  if (linkLines.some((line) => WORDS.test(withoutLinks(line)))) return () => comment;
  const heading = lines.filter((line) => !linkLines.includes(line)).join("\n");
  return (link) => [heading, link.title ?? ""].filter((part) => part !== "").join("\n") || null;
}

function toCandidates(extraction: CaptureInput): LinkCandidate[] {
  const byKey = new Map<string, LinkCandidate>();
  const noteFor = notesOf(extraction);
  for (const found of extraction.links) {
    const normalized = normalizeUrl(found.url);
    if (!normalized || byKey.has(normalized.key)) continue;
    byKey.set(normalized.key, { url: normalized.display, urlKey: normalized.key, title: found.title, source: extraction.source, note: noteFor(found) });
  }
  return [...byKey.values()];
}

/**
 * Stores the links of one message for a user, with the message's own words as a note on each: new links are
 * saved, known ones reported with their tags.
 */
export async function captureLinks(db: DB, userId: number, extraction: CaptureInput, now: number, message?: MessageRef): Promise<CaptureResult> {
  const candidates = toCandidates(extraction).map((candidate) => (message ? candidate : { ...candidate, note: null }));
  const outcomes = await saveLinks(db, userId, candidates, now, message && { source: extraction.source, ...message });
  const known = outcomes.filter((o) => !o.isNew).map((o) => o.link);
  const tags = await tagsOfLinks(
    db,
    known.map((link) => link.id),
  );
  return {
    saved: outcomes.filter((o) => o.isNew).map((o) => o.link),
    known: known.map((link) => ({ ...link, tags: tags.get(link.id) ?? [] })),
  };
}
