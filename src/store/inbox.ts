import type { Update } from "@grammyjs/types";
import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { dialectOf } from "../db/dialect.js";

export interface ClaimedUpdate {
  updateId: number;
  update: Update;
}

interface Sender {
  chat?: { id: number };
  from?: { id: number };
  message?: { chat: { id: number } };
}

/** Whose update it is: a chat's updates are handled in order, and a user's are counted by the rate limit. */
function senderOf(update: Update): { chat_key: string; user_id: number | null } {
  const body = Object.values(update).find((value): value is Sender => typeof value === "object" && value !== null);
  const chat = body?.chat ?? body?.message?.chat;
  const userId = body?.from?.id ?? null;
  // An update with neither has nothing to wait for: its own key.
  return { chat_key: chat ? `c${chat.id}` : userId !== null ? `u${userId}` : `x${update.update_id}`, user_id: userId };
}

/** Stores updates as they arrive; a redelivered id is ignored. Returns the ids that were new. */
export async function storeUpdates(db: DB, updates: readonly Update[], now: number): Promise<number[]> {
  if (updates.length === 0) return [];
  const rows = updates.map((update) => ({ update_id: update.update_id, ...senderOf(update), payload: JSON.stringify(update), received_at: now }));
  const stored = await db
    .insertInto("update_inbox")
    .values(rows)
    .onConflict((oc) => oc.column("update_id").doNothing())
    .returning("update_id")
    .execute();
  return stored.map((row) => row.update_id);
}

/**
 * Leases the head (oldest unfinished update) of up to `limit` chats whose head no live worker holds, so a chat's next
 * update waits until the one before is done, whichever process handles it. On PostgreSQL two workers claiming at
 * once skip each other's rows (`skip locked`) instead of taking the same one; SQLite has one writer at a time.
 * `finished` (the worker's updates handled since its last claim) are marked done first, in the same transaction.
 */
export async function claimNext(
  db: DB,
  worker: string,
  now: number,
  leaseMs: number,
  limit: number,
  finished: readonly number[] = [],
): Promise<ClaimedUpdate[]> {
  return db.transaction().execute(async (trx) => {
    // A worker's finished updates are marked done in the claim that follows them: one commit instead of two per update.
    await markDone(trx, finished, now);
    let heads = trx
      .selectFrom("update_inbox as i")
      .select("i.update_id")
      .where("i.done_at", "is", null)
      .where((eb) => eb.or([eb("i.lease_until", "is", null), eb("i.lease_until", "<=", now)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("update_inbox as e")
              .select("e.update_id")
              .whereRef("e.chat_key", "=", "i.chat_key")
              .where("e.done_at", "is", null)
              .whereRef("e.update_id", "<", "i.update_id"),
          ),
        ),
      )
      .orderBy("i.update_id")
      .limit(limit);
    if (dialectOf(db) === "postgres") heads = heads.forUpdate().skipLocked();
    const ids = (await heads.execute()).map((row) => row.update_id);
    if (ids.length === 0) return [];
    const claimed = await trx
      .updateTable("update_inbox")
      .set({ claimed_by: worker, lease_until: now + leaseMs })
      .where("update_id", "in", ids)
      .returning(["update_id", "payload"])
      .execute();
    return claimed.sort((a, b) => a.update_id - b.update_id).map((row) => ({ updateId: row.update_id, update: JSON.parse(row.payload) as Update }));
  });
}

/** Keeps `worker`'s leases on updates still being handled from expiring. */
export async function renewLeases(db: DB, worker: string, updateIds: readonly number[], now: number, leaseMs: number): Promise<void> {
  if (updateIds.length === 0) return;
  await db
    .updateTable("update_inbox")
    .set({ lease_until: now + leaseMs })
    .where("claimed_by", "=", worker)
    .where("update_id", "in", updateIds)
    .where("done_at", "is", null)
    .execute();
}

/**
 * Marks updates handled. What the user sent goes at once (the payload is emptied): only the ids stay, for a day, to
 * recognise Telegram's redeliveries and to count the rate limit.
 */
export async function markDone(db: DB, updateIds: readonly number[], now: number): Promise<void> {
  if (updateIds.length === 0) return;
  await db.updateTable("update_inbox").set({ done_at: now, lease_until: null, payload: "" }).where("update_id", "in", updateIds).execute();
}

/** Forgets updates handled before `olderThan`; a redelivery of one of them after that would be handled again. */
export async function pruneDone(db: DB, olderThan: number): Promise<number> {
  const result = await db.deleteFrom("update_inbox").where("done_at", "<", olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Updates stored and not yet handled. */
export async function backlog(db: DB): Promise<number> {
  const row = await db
    .selectFrom("update_inbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("done_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many of the user's updates the rate limit counted since `since`, in every instance. */
export async function recentUpdatesOf(db: DB, userId: number, since: number): Promise<number> {
  const row = await db
    .selectFrom("update_inbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("counted_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Counts the update against its user when fewer than `limit` of theirs were counted since `since`, in one statement,
 * so two instances cannot both take the last place. An update counted before (handled again after a crash) stays
 * counted. False when the user is over the limit, or the update is not in the inbox.
 */
export async function countAgainstLimit(db: DB, updateId: number, userId: number, now: number, since: number, limit: number): Promise<boolean> {
  const result = await db
    .updateTable("update_inbox")
    .set({ counted_at: sql<number>`coalesce(counted_at, ${now})` })
    .where("update_id", "=", updateId)
    .where((eb) =>
      eb.or([
        eb("counted_at", "is not", null),
        eb(
          eb
            .selectFrom("update_inbox as u")
            .select((inner) => inner.fn.countAll().as("n"))
            .where("u.user_id", "=", userId)
            .where("u.counted_at", ">", since),
          "<",
          limit,
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function isInInbox(db: DB, updateId: number): Promise<boolean> {
  return (await db.selectFrom("update_inbox").select("update_id").where("update_id", "=", updateId).executeTakeFirst()) !== undefined;
}
