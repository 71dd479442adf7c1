import { sql, type SqlBool } from "kysely";
import type { DB } from "../db/connection.js";
import { idsIn } from "./bulk.js";
import { noteOf, type LibraryNote } from "./library.js";
import { reindexLinks } from "./search-index.js";
import { tagIdsCreatingMissing, tagsNamed } from "./tags.js";
import { moveToTrash, restoreFromTrash } from "./trash.js";

/**
 * What the Mini App changes, each in one transaction and with the bot's own effects: a read mark as the bot's ✅
 * sets it (the link_tags.link_unread triggers follow), tags and notes with the search index rewritten alongside, a
 * delete into the bot's trash, so that its Undo and the page's restore are one thing.
 */

export type BulkAction = { kind: "read" | "unread" | "delete" | "restore" } | { kind: "add-tags" | "remove-tags"; tags: readonly string[] };

export interface BulkOutcome {
  changed: number;
  /** For a delete: the ids that went, to restore. */
  undo?: number[];
}

/** The ids, of these, that are the user's links. */
async function ownedIds(trx: DB, userId: number, ids: readonly number[]): Promise<number[]> {
  const rows = await trx
    .selectFrom("links")
    .select("id")
    .where("user_id", "=", userId)
    .where(sql<SqlBool>`links.id in ${idsIn(trx, ids)}`)
    .execute();
  return rows.map((row) => row.id);
}

async function markRead(trx: DB, userId: number, ids: readonly number[], read: boolean, now: number): Promise<BulkOutcome> {
  // Like setRead: the first read time is kept, so only links in the other state change.
  const result = await trx
    .updateTable("links")
    .set({ read_at: read ? now : null })
    .where("user_id", "=", userId)
    .where(sql<SqlBool>`links.id in ${idsIn(trx, ids)}`)
    .where("read_at", read ? "is" : "is not", null)
    .executeTakeFirst();
  return { changed: Number(result.numUpdatedRows) };
}

async function addTags(trx: DB, userId: number, ids: readonly number[], names: readonly string[], now: number): Promise<BulkOutcome> {
  const owned = await ownedIds(trx, userId, ids);
  if (owned.length === 0 || names.length === 0) return { changed: 0 };
  const tagIds = [...(await tagIdsCreatingMissing(trx, userId, names)).values()];
  // Links that lack one of the tags at least: the ones the action changes.
  const { rows: missing } = await sql<{ id: number }>`
    select links.id from links where links.id in ${idsIn(trx, owned)}
      and (select count(*) from link_tags where link_tags.link_id = links.id and link_tags.tag_id in ${idsIn(trx, tagIds)}) < ${tagIds.length}`.execute(trx);
  await trx
    .insertInto("link_tags")
    .values(owned.flatMap((linkId) => tagIds.map((tagId) => ({ link_id: linkId, tag_id: tagId, tagged_at: now }))))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await reindexLinks(trx, owned);
  return { changed: missing.length };
}

async function removeTags(trx: DB, userId: number, ids: readonly number[], names: readonly string[]): Promise<BulkOutcome> {
  const owned = await ownedIds(trx, userId, ids);
  const tagIds = (await tagsNamed(trx, userId, names)).map((tag) => tag.id);
  if (owned.length === 0 || tagIds.length === 0) return { changed: 0 };
  const tagged = await trx
    .selectFrom("link_tags")
    .select("link_id")
    .distinct()
    .where(sql<SqlBool>`link_tags.link_id in ${idsIn(trx, owned)}`)
    .where("tag_id", "in", tagIds)
    .execute();
  const changed = tagged.map((row) => row.link_id);
  if (changed.length === 0) return { changed: 0 };
  await trx.deleteFrom("link_tags").where("link_id", "in", changed).where("tag_id", "in", tagIds).execute();
  await reindexLinks(trx, changed);
  return { changed: changed.length };
}

async function trash(trx: DB, userId: number, ids: readonly number[], now: number): Promise<BulkOutcome> {
  const undo: number[] = [];
  for (const id of ids) if (await moveToTrash(trx, userId, id, now)) undo.push(id);
  return { changed: undo.length, undo };
}

async function restore(trx: DB, userId: number, ids: readonly number[]): Promise<BulkOutcome> {
  let changed = 0;
  for (const id of ids) if ("restored" in (await restoreFromTrash(trx, userId, id))) changed++;
  return { changed };
}

/** One change to many of the user's links, in one transaction; ids of no link of theirs change nothing. */
export async function bulkChange(db: DB, userId: number, ids: readonly number[], action: BulkAction, now: number): Promise<BulkOutcome> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return action.kind === "delete" ? { changed: 0, undo: [] } : { changed: 0 };
  return await db.transaction().execute(async (trx) => {
    switch (action.kind) {
      case "read":
      case "unread":
        return await markRead(trx, userId, unique, action.kind === "read", now);
      case "add-tags":
        return await addTags(trx, userId, unique, action.tags, now);
      case "remove-tags":
        return await removeTags(trx, userId, unique, action.tags);
      case "delete":
        return await trash(trx, userId, unique, now);
      case "restore":
        return await restore(trx, userId, unique);
    }
  });
}

/** A note the user typed on the page, on one of their links: no chat message stands behind it. */
export async function addLibraryNote(db: DB, userId: number, linkId: number, text: string, now: number): Promise<LibraryNote | undefined> {
  return await db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom("links").select("id").where("id", "=", linkId).where("user_id", "=", userId).executeTakeFirst();
    if (!link) return undefined;
    const note = await trx
      .insertInto("notes")
      .values({ user_id: userId, link_id: linkId, text, created_at: now, updated_at: now, chat_id: null, message_id: null })
      .returning(["id", "text", "created_at", "updated_at"])
      .executeTakeFirstOrThrow();
    await reindexLinks(trx, [linkId]);
    return noteOf(note);
  });
}

/** One of the user's notes as the page shows it; undefined when it is not theirs. */
export async function libraryNote(db: DB, userId: number, noteId: number): Promise<LibraryNote | undefined> {
  const row = await db
    .selectFrom("notes")
    .select(["id", "text", "created_at", "updated_at"])
    .where("id", "=", noteId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row && noteOf(row);
}
