import type { DB } from "../db/connection.js";
import type { Link } from "../db/schema.js";
import { indexLinksAsGiven } from "./search-index.js";

export interface LinkCandidate {
  url: string;
  urlKey: string;
  title: string | null;
  source: string | null;
}

export interface SaveOutcome {
  link: Link;
  isNew: boolean;
}

/** Saves every candidate not yet known to this user, in one transaction; known ones come back untouched. */
export async function saveLinks(db: DB, userId: number, candidates: LinkCandidate[], now: number): Promise<SaveOutcome[]> {
  if (candidates.length === 0) return [];
  return await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("links")
      .values(
        candidates.map((candidate) => ({
          user_id: userId,
          url: candidate.url,
          url_key: candidate.urlKey,
          title: candidate.title,
          title_source: candidate.title === null ? null : "user",
          source: candidate.source,
          saved_at: now,
          // Queued for its page title, fetched in the background.
          fetch_status: "pending",
          fetch_next_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(["user_id", "url_key"]).doNothing())
      .returningAll()
      .execute();
    const newKeys = new Set(inserted.map((link) => link.url_key));
    const knownKeys = candidates.map((candidate) => candidate.urlKey).filter((key) => !newKeys.has(key));
    const known = knownKeys.length === 0 ? [] : await trx.selectFrom("links").selectAll().where("user_id", "=", userId).where("url_key", "in", knownKeys).execute();
    // New links have neither tags nor notes yet.
    await indexLinksAsGiven(trx, inserted.map((link) => ({ ...link, tags: null, notes: null })));
    const byKey = new Map<string, Link>([...inserted, ...known].map((link) => [link.url_key, link]));
    return candidates.map((candidate) => ({ link: byKey.get(candidate.urlKey)!, isNew: newKeys.has(candidate.urlKey) }));
  });
}

/** Only the ids that belong to this user come back: ids from callbacks and conversation state are never trusted. */
export async function findUserLinks(db: DB, userId: number, ids: readonly number[]): Promise<Link[]> {
  if (ids.length === 0) return [];
  return await db.selectFrom("links").selectAll().where("user_id", "=", userId).where("id", "in", ids).orderBy("id").execute();
}

/** Remembers that a message speaks about these links, so replies to it can be attached to them. */
export async function rememberLinkMessage(db: DB, chatId: number, messageId: number, linkIds: readonly number[]): Promise<void> {
  if (linkIds.length === 0) return;
  await db
    .insertInto("link_messages")
    .values(linkIds.map((linkId) => ({ chat_id: chatId, message_id: messageId, link_id: linkId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
