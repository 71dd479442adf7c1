import { sql, type UpdateObject } from "kysely";
import type { Database } from "../db/schema.js";
import type { DB } from "../db/connection.js";
import { dialectOf } from "../db/dialect.js";
import { repeatsTitle } from "../notes/same-words.js";
import { dropCapturedNotesRepeating } from "./notes.js";
import { reindexLinks } from "./search-index.js";

/** What a fetch learned about a page; every field is untrusted text from the web. */
export interface FetchedPage {
  title: string | null;
  siteName: string | null;
  description: string | null;
  language: string | null;
  contentType: string | null;
  readingMinutes: number | null;
}

/** Who is waiting for a fetch: someone who just saved the link, or nobody in particular (an import). */
export const FETCH_PRIORITY = { live: 0, background: 1 } as const;

export interface DueFetch {
  id: number;
  url: string;
  fetch_attempts: number;
  fetch_priority: number;
}

/** Links whose page is due to be fetched, live saves first, each kind oldest due first, through the queue's partial index. */
export async function dueFetches(db: DB, now: number, limit: number): Promise<DueFetch[]> {
  return await db
    .selectFrom("links")
    .select(["id", "url", "fetch_attempts", "fetch_priority"])
    .where("fetch_status", "=", "pending")
    // Naming every priority lets SQLite read each one's due range off the index, in order, instead of scanning
    // past the links that are waiting for a retry.
    .where("fetch_priority", "in", Object.values(FETCH_PRIORITY))
    .where("fetch_next_at", "<=", now)
    .orderBy("fetch_priority")
    .orderBy("fetch_next_at")
    .limit(limit)
    .execute();
}

/**
 * Takes a due link off the queue for this process (one statement, so two processes never fetch it twice). On
 * PostgreSQL the row is locked with SKIP LOCKED: an instance that finds another one claiming the same link at that
 * moment passes it by instead of waiting for it.
 */
export async function claimFetch(db: DB, linkId: number, leaseUntil: number, now: number): Promise<boolean> {
  const due = db
    .selectFrom("links as due")
    .select("due.id")
    .where("due.id", "=", linkId)
    .where("due.fetch_status", "=", "pending")
    .where("due.fetch_next_at", "<=", now);
  const result = await db
    .updateTable("links")
    .set({ fetch_next_at: leaseUntil })
    .where("id", "in", dialectOf(db) === "postgres" ? due.forUpdate().skipLocked() : due)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Stores what the page says. Its title replaces the words the link was sent with, never a title the user set
 * with /title; those words, kept as a note, go when they only repeated the title.
 */
export async function recordFetchedPage(db: DB, linkId: number, page: FetchedPage): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("links")
      .set({
        fetched_title: page.title,
        site_name: page.siteName,
        description: page.description,
        language: page.language,
        content_type: page.contentType,
        reading_minutes: page.readingMinutes,
        fetch_status: "done",
        fetch_next_at: null,
        title: sql`case when title_source = 'user' then title else coalesce(${page.title}, title) end`,
        title_source: sql`case when title_source = 'user' then 'user' when cast(${page.title} as text) is not null then 'page' else title_source end`,
      })
      .where("id", "=", linkId)
      .execute();
    const title = page.title;
    if (title !== null) await dropCapturedNotesRepeating(trx, linkId, (text) => repeatsTitle(text, title));
    await reindexLinks(trx, [linkId]);
  });
}

/** A failed attempt: try again at `retryAt`, or give up (null) and keep the provisional title. */
export async function recordFetchFailure(db: DB, linkId: number, retryAt: number | null): Promise<void> {
  await db
    .updateTable("links")
    .set((eb) => ({
      fetch_attempts: eb("fetch_attempts", "+", 1),
      fetch_status: retryAt === null ? "failed" : "pending",
      fetch_next_at: retryAt,
    }))
    .where("id", "=", linkId)
    .execute();
}

/** Where the answer to a /refetch is, to be edited when the fetch ends. */
export interface RefetchAnswer {
  chatId: number;
  messageId: number;
}

/**
 * /refetch: the user's link goes back on the queue with a fresh count of attempts, as a live save (they are
 * waiting), and the answer that said so is remembered in the same transaction, so the fetch cannot end unseen.
 */
export async function requestRefetch(db: DB, userId: number, linkId: number, now: number, answer?: RefetchAnswer): Promise<boolean> {
  return await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("links")
      .set({ fetch_status: "pending", fetch_attempts: 0, fetch_next_at: now, fetch_priority: FETCH_PRIORITY.live })
      .where("id", "=", linkId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    if (answer) {
      await trx
        .insertInto("refetch_answers")
        .values({ chat_id: answer.chatId, message_id: answer.messageId, link_id: linkId, user_id: userId, requested_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return true;
  });
}

/** A /refetch answer still waiting, with whose it is. */
export interface WaitingAnswer extends RefetchAnswer {
  userId: number;
}

/**
 * The answers to /refetch of this link that asked since `since`, to be edited with how its fetch went. `done`
 * takes them off (a fetch that will be tried again leaves them for its next attempt), and answers older than
 * `since` go unedited: a report long after the question is no longer worth an edit.
 */
export async function takeRefetchAnswers(db: DB, linkId: number, since: number, done: boolean): Promise<WaitingAnswer[]> {
  return await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("refetch_answers")
      .select(["chat_id", "message_id", "user_id", "requested_at"])
      .where("link_id", "=", linkId)
      .orderBy("requested_at")
      .execute();
    await trx
      .deleteFrom("refetch_answers")
      .where("link_id", "=", linkId)
      .$if(!done, (query) => query.where("requested_at", "<", since))
      .execute();
    return rows.filter((row) => row.requested_at >= since).map((row) => ({ chatId: row.chat_id, messageId: row.message_id, userId: row.user_id }));
  });
}

/** /title: the user's own title, which no fetch overwrites. */
export async function setUserTitle(db: DB, userId: number, linkId: number, title: string): Promise<boolean> {
  return await retitle(db, userId, linkId, { title, title_source: "user" });
}

/** `/title N -`: the user's title goes, and the page's (when one was fetched) shows again. */
export async function clearUserTitle(db: DB, userId: number, linkId: number): Promise<boolean> {
  return await retitle(db, userId, linkId, { title: sql`fetched_title`, title_source: sql`case when fetched_title is null then null else 'page' end` });
}

/** Sets the user's link's title and where it came from, with its search row; false when the link is not theirs. */
async function retitle(db: DB, userId: number, linkId: number, change: UpdateObject<Database, "links">): Promise<boolean> {
  return await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable("links").set(change).where("id", "=", linkId).where("user_id", "=", userId).executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await reindexLinks(trx, [linkId]);
    return true;
  });
}
