import type { DB } from "../db/connection.js";
import type { Link, Note } from "../db/schema.js";
import { reindexLinks } from "./search-index.js";
import { tagIdsCreatingMissing } from "./tags.js";

/**
 * Deleting a link is undoable for a while: the link leaves `links` at once, with everything hanging on it (tags,
 * notes, the messages that speak of it), and waits in `deleted_links` as one JSON value until Undo puts it all back
 * or the purge job drops it. Nothing else reads that table, so a deleted link is gone from lists, search, digests,
 * exports, /notes and duplicate detection (saving its address again saves a new link) by construction, not by a
 * filter each query must remember.
 */
interface Trashed {
  link: Link;
  tags: { name: string; tagged_at: number }[];
  notes: Note[];
  messages: { chat_id: number; message_id: number }[];
}

/** Moves the user's link to the trash; returns it (for the reply to name), or undefined when it is not theirs. */
export async function softDeleteLink(db: DB, userId: number, linkId: number, now: number): Promise<Link | undefined> {
  return await db.transaction().execute((trx) => moveToTrash(trx, userId, linkId, now));
}

/** softDeleteLink inside the caller's transaction, so that many links go in one (the Mini App's bulk delete). */
export async function moveToTrash(trx: DB, userId: number, linkId: number, now: number): Promise<Link | undefined> {
  const link = await trx.selectFrom("links").selectAll().where("id", "=", linkId).where("user_id", "=", userId).executeTakeFirst();
  if (!link) return undefined;
  const [tags, notes, messages] = await Promise.all([
    trx
      .selectFrom("link_tags")
      .innerJoin("tags", "tags.id", "link_tags.tag_id")
      .select(["tags.name", "link_tags.tagged_at"])
      .where("link_tags.link_id", "=", linkId)
      .execute(),
    trx.selectFrom("notes").selectAll().where("link_id", "=", linkId).orderBy("id").execute(),
    trx.selectFrom("link_messages").select(["chat_id", "message_id"]).where("link_id", "=", linkId).execute(),
  ]);
  const data: Trashed = { link, tags, notes, messages };
  await trx
    .insertInto("deleted_links")
    .values({ link_id: linkId, user_id: userId, deleted_at: now, data: JSON.stringify(data) })
    .onConflict((oc) => oc.column("link_id").doNothing())
    .execute();
  // Tags, notes and message rows go by cascade; the search row by its trigger.
  await trx.deleteFrom("links").where("id", "=", linkId).execute();
  return link;
}

export type RestoreOutcome = { restored: Link } | { problem: "gone" | "saved-again" };

/**
 * Puts a deleted link back as it was: same id, tags, notes and message mappings. "gone" once purged (or never
 * the user's); "saved-again" when the user saved its address anew meanwhile (that new link stays, this one goes).
 */
export async function restoreLink(db: DB, userId: number, linkId: number): Promise<RestoreOutcome> {
  return await db.transaction().execute((trx) => restoreFromTrash(trx, userId, linkId));
}

/** restoreLink inside the caller's transaction, so that many links come back in one (the Mini App's bulk undo). */
export async function restoreFromTrash(trx: DB, userId: number, linkId: number): Promise<RestoreOutcome> {
  const row = await trx.selectFrom("deleted_links").select("data").where("link_id", "=", linkId).where("user_id", "=", userId).executeTakeFirst();
  if (!row) return { problem: "gone" } as const;
  const { link, tags, notes, messages } = JSON.parse(row.data) as Trashed;
  await trx.deleteFrom("deleted_links").where("link_id", "=", linkId).execute();
  const again = await trx.selectFrom("links").select("id").where("user_id", "=", userId).where("url_key", "=", link.url_key).executeTakeFirst();
  if (again) return { problem: "saved-again" } as const;
  await trx.insertInto("links").values(link).execute();
  const tagIds = await tagIdsCreatingMissing(
    trx,
    userId,
    tags.map((tag) => tag.name),
  );
  if (tags.length > 0) {
    await trx
      .insertInto("link_tags")
      .values(tags.map((tag) => ({ link_id: linkId, tag_id: tagIds.get(tag.name)!, tagged_at: tag.tagged_at })))
      .execute();
  }
  if (notes.length > 0) await trx.insertInto("notes").values(notes).execute();
  if (messages.length > 0) {
    await trx
      .insertInto("link_messages")
      .values(messages.map((message) => ({ ...message, link_id: linkId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await reindexLinks(trx, [linkId]);
  return { restored: link };
}

/** Drops deleted links whose Undo time is over, oldest first, a batch at a time; returns how many went. */
export async function purgeDeletedLinks(db: DB, deletedBefore: number, batch: number): Promise<number> {
  const result = await db
    .deleteFrom("deleted_links")
    .where("link_id", "in", (eb) => eb.selectFrom("deleted_links").select("link_id").where("deleted_at", "<", deletedBefore).orderBy("deleted_at").limit(batch))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
