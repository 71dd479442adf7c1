import type { DB } from "../db/connection.js";
import type { Link } from "../db/schema.js";
import { indexLinksAsGiven, reindexLinks } from "./search-index.js";

export interface LinkCandidate {
  url: string;
  urlKey: string;
  title: string | null;
  source: string | null;
  /** The message's words kept as a note on this link, if any. */
  note?: string | null;
}

/** The message the links and their notes came from. */
export interface CapturedFrom {
  /** Where a forwarded post came from. */
  source: string | null;
  chatId: number;
  messageId: number;
}

export interface SaveOutcome {
  link: Link;
  isNew: boolean;
}

/**
 * Saves every candidate not yet known to this user, with the message's words as a note on each link (new or
 * known), in one transaction; known links come back otherwise untouched.
 */
export async function saveLinks(db: DB, userId: number, candidates: LinkCandidate[], now: number, from?: CapturedFrom): Promise<SaveOutcome[]> {
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
          // Provisional: the page's own title replaces the words a link was sent with.
          title_source: candidate.title === null ? null : "message",
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
    const known =
      knownKeys.length === 0 ? [] : await trx.selectFrom("links").selectAll().where("user_id", "=", userId).where("url_key", "in", knownKeys).execute();
    const byKeyNow = new Map<string, Link>([...inserted, ...known].map((link) => [link.url_key, link]));
    const notes = new Map(candidates.flatMap((candidate) => (candidate.note ? [[byKeyNow.get(candidate.urlKey)!.id, candidate.note] as const] : [])));
    const noted = from ? await addCapturedNotes(trx, userId, notes, from, now) : new Set<number>();
    // New links have no tags yet, and no notes but the one just written.
    await indexLinksAsGiven(
      trx,
      inserted.map((link) => ({ ...link, tags: null, notes: noted.has(link.id) ? notes.get(link.id)! : null })),
    );
    await reindexLinks(
      trx,
      known.filter((link) => noted.has(link.id)).map((link) => link.id),
    );
    return candidates.map((candidate) => ({ link: byKeyNow.get(candidate.urlKey)!, isNew: newKeys.has(candidate.urlKey) }));
  });
}

/**
 * The message's words become notes on its links; a link that already has a note from this message (an update
 * handled twice) is left alone. Returns the links that got one.
 */
async function addCapturedNotes(trx: DB, userId: number, notes: ReadonlyMap<number, string>, from: CapturedFrom, now: number): Promise<Set<number>> {
  if (notes.size === 0) return new Set();
  const already = await trx
    .selectFrom("notes")
    .select("link_id")
    .where("chat_id", "=", from.chatId)
    .where("message_id", "=", from.messageId)
    .where("user_id", "=", userId)
    .execute();
  const skip = new Set(already.map((row) => row.link_id));
  const fresh = [...notes.keys()].filter((id) => !skip.has(id));
  if (fresh.length === 0) return new Set();
  await trx
    .insertInto("notes")
    .values(
      fresh.map((linkId) => ({
        user_id: userId,
        link_id: linkId,
        text: notes.get(linkId)!,
        created_at: now,
        updated_at: now,
        chat_id: from.chatId,
        message_id: from.messageId,
        captured: 1,
        source: from.source,
      })),
    )
    .execute();
  return new Set(fresh);
}

/** Only the ids that belong to this user come back: ids from callbacks and stored questions are never trusted. */
export async function findUserLinks(db: DB, userId: number, ids: readonly number[]): Promise<Link[]> {
  if (ids.length === 0) return [];
  return await db.selectFrom("links").selectAll().where("user_id", "=", userId).where("id", "in", ids).orderBy("id").execute();
}

/**
 * Remembers that a message speaks about these links, so replies to it can be attached to them. A message about
 * one link alone (a save, a "saved already", a card, a note's confirmation, a list of one) also makes it the link
 * its owner touched last, where `/note text` goes: one UPDATE by primary key, no read.
 */
export async function rememberLinkMessage(db: DB, chatId: number, messageId: number, linkIds: readonly number[]): Promise<void> {
  if (linkIds.length === 0) return;
  await db
    .insertInto("link_messages")
    .values(linkIds.map((linkId) => ({ chat_id: chatId, message_id: messageId, link_id: linkId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (linkIds.length === 1) await touchLink(db, linkIds[0]!);
}

/** Makes the link the one its owner touched last. */
export async function touchLink(db: DB, linkId: number): Promise<void> {
  await db
    .updateTable("users")
    .set({ last_link_id: linkId })
    .where("id", "=", (eb) => eb.selectFrom("links").select("user_id").where("id", "=", linkId))
    .execute();
}

/** The link the user touched last, or, when there is none (or it was deleted), the one saved last. */
export async function lastTouchedLink(db: DB, userId: number): Promise<Link | undefined> {
  const touched = await db
    .selectFrom("users")
    .innerJoin("links", "links.id", "users.last_link_id")
    .selectAll("links")
    .where("users.id", "=", userId)
    .where("links.user_id", "=", userId)
    .executeTakeFirst();
  return (
    touched ??
    (await db.selectFrom("links").selectAll().where("user_id", "=", userId).orderBy("saved_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst())
  );
}

/** The user's links saved last, newest first, but `except`: what a note can be moved to. */
export async function recentLinks(db: DB, userId: number, limit: number, except: number): Promise<Link[]> {
  return await db
    .selectFrom("links")
    .selectAll()
    .where("user_id", "=", userId)
    .where("id", "!=", except)
    .orderBy("saved_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
