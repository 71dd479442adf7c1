import type { Update } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { backlog, claimNext, countAgainstLimit, markDone, pruneDone, recentUpdatesOf, renewLeases, storeUpdates } from "../../src/store/inbox.js";
import { createPostgresTestDatabase, testsOnPostgres } from "../support/postgres.js";
import { planRecordingDatabase } from "../support/query-plans.js";
import { freshDatabaseEach } from "../support/test-db.js";

const LEASE = 30_000;

function text(updateId: number, chatId: number, userId = chatId): Update {
  const from = { id: userId, is_bot: false, first_name: "u" };
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 1, chat: { id: chatId, type: "private", first_name: "u" }, from, text: `m${updateId}` },
  };
}

const ids = (claimed: { updateId: number }[]) => claimed.map((c) => c.updateId);

describe("the update inbox", () => {
  const db = freshDatabaseEach();

  it("stores a redelivered update once, and says which were new", async () => {
    expect(await storeUpdates(db(), [text(1, 10), text(2, 10)], 1000)).toEqual([1, 2]);
    expect(await storeUpdates(db(), [text(2, 10), text(3, 10)], 2000)).toEqual([3]);
    expect(await backlog(db())).toBe(3);
    const [claimed] = await claimNext(db(), "a", 3000, LEASE, 1);
    expect(claimed).toEqual({ updateId: 1, update: text(1, 10) });
  });

  it("hands out a chat's next update only once the one before is done, whoever asks", async () => {
    await storeUpdates(db(), [text(1, 10), text(2, 10)], 1000);
    expect(ids(await claimNext(db(), "a", 1000, LEASE, 8))).toEqual([1]);
    expect(ids(await claimNext(db(), "a", 1001, LEASE, 8))).toEqual([]);
    expect(ids(await claimNext(db(), "b", 1002, LEASE, 8))).toEqual([]);
    await markDone(db(), [1], 1003);
    expect(ids(await claimNext(db(), "b", 1004, LEASE, 8))).toEqual([2]);
    await storeUpdates(db(), [text(3, 10)], 1005);
    // The claim that marks a worker's finished update done hands out the chat's next one at once.
    expect(ids(await claimNext(db(), "b", 1006, LEASE, 8, [2]))).toEqual([3]);
    await markDone(db(), [3], 1007);
    expect(await backlog(db())).toBe(0);
  });

  it("hands out the heads of several chats at once, up to the limit, oldest first", async () => {
    await storeUpdates(db(), [text(1, 10), text(2, 20), text(3, 10), text(4, 30), text(5, 40)], 1000);
    expect(ids(await claimNext(db(), "a", 1000, LEASE, 3))).toEqual([1, 2, 4]);
    expect(ids(await claimNext(db(), "b", 1000, LEASE, 3))).toEqual([5]);
  });

  it("gives an expired lease (a dead worker's) to another worker, and never a live one", async () => {
    await storeUpdates(db(), [text(1, 10)], 1000);
    await claimNext(db(), "dead", 1000, LEASE, 8);
    expect(ids(await claimNext(db(), "b", 1000 + LEASE - 1, LEASE, 8))).toEqual([]);
    expect(ids(await claimNext(db(), "b", 1000 + LEASE, LEASE, 8))).toEqual([1]);
    expect(await db().selectFrom("update_inbox").select(["claimed_by", "lease_until"]).execute()).toEqual([{ claimed_by: "b", lease_until: 1000 + 2 * LEASE }]);
  });

  it("keeps a renewed lease alive, only for the worker holding it", async () => {
    await storeUpdates(db(), [text(1, 10)], 1000);
    await claimNext(db(), "a", 1000, LEASE, 8);
    await renewLeases(db(), "b", [1], 20_000, LEASE);
    await renewLeases(db(), "a", [1], 25_000, LEASE);
    expect(ids(await claimNext(db(), "b", 1000 + LEASE + 1, LEASE, 8))).toEqual([]);
    expect(ids(await claimNext(db(), "b", 25_000 + LEASE, LEASE, 8))).toEqual([1]);
  });

  it("keeps no word of an update once it is handled, only its id", async () => {
    await storeUpdates(db(), [text(1, 10), text(2, 10)], 1000);
    await markDone(db(), [1], 2000);
    const rows = await db().selectFrom("update_inbox").select(["update_id", "payload"]).orderBy("update_id").execute();
    expect(rows[0]).toEqual({ update_id: 1, payload: "" });
    expect(JSON.parse(rows[1]!.payload)).toEqual(text(2, 10));
  });

  it("prunes done updates older than the cut-off, never unfinished ones", async () => {
    await storeUpdates(db(), [text(1, 10), text(2, 20), text(3, 30)], 1000);
    await markDone(db(), [1], 2000);
    await markDone(db(), [2], 5000);
    expect(await pruneDone(db(), 3000)).toBe(1);
    const left = await db().selectFrom("update_inbox").select("update_id").orderBy("update_id").execute();
    expect(left.map((row) => row.update_id)).toEqual([2, 3]);
    // A redelivery of a pruned id is new again; of a kept one, ignored.
    expect(await storeUpdates(db(), [text(1, 10), text(2, 20)], 6000)).toEqual([1]);
  });

  it("counts a user's updates against the limit in one statement, an update at most once", async () => {
    await storeUpdates(db(), [text(1, 10), text(2, 10), text(3, 10), text(4, 20, 10), text(5, 50)], 1000);
    expect(await countAgainstLimit(db(), 1, 10, 1000, 0, 2)).toBe(true);
    expect(await countAgainstLimit(db(), 1, 10, 1100, 0, 2)).toBe(true);
    expect(await countAgainstLimit(db(), 4, 10, 1200, 0, 2)).toBe(true);
    expect(await countAgainstLimit(db(), 2, 10, 1300, 0, 2)).toBe(false);
    expect(await recentUpdatesOf(db(), 10, 0)).toBe(2);
    // The window moved past the first count.
    expect(await countAgainstLimit(db(), 3, 10, 1300, 1000, 2)).toBe(true);
    expect(await recentUpdatesOf(db(), 10, 1000)).toBe(2);
    expect(await recentUpdatesOf(db(), 50, 0)).toBe(0);
    expect(await countAgainstLimit(db(), 99, 10, 1300, 2000, 2)).toBe(false);
  });
});

describe.runIf(testsOnPostgres())("two processes claiming at once on PostgreSQL", () => {
  it("never hand the same update to both", async () => {
    const created = await createPostgresTestDatabase();
    const [first, second] = [openDatabase(created.url, { poolSize: 5 }), openDatabase(created.url, { poolSize: 5 })];
    try {
      const chats = 60;
      await storeUpdates(
        first,
        Array.from({ length: chats }, (_, i) => text(i + 1, 1000 + i)),
        1000,
      );
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? claimNext(first, "a", 1000, LEASE, 4) : claimNext(second, "b", 1000, LEASE, 4))),
      );
      const all = claims.flatMap(ids);
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBeGreaterThan(0);
      const owners = await first.selectFrom("update_inbox").select(["update_id", "claimed_by"]).where("claimed_by", "is not", null).execute();
      expect(owners).toHaveLength(all.length);
    } finally {
      await Promise.all([first.destroy(), second.destroy()]);
      await created.drop();
    }
  });
});

describe.skipIf(testsOnPostgres())("the inbox's query plans on SQLite", () => {
  it("read a day of handled updates through indexes: claims and the backlog only unfinished rows, a user's count one range", async () => {
    const { db, sqlite, plansOf } = await planRecordingDatabase();
    const insert = sqlite.prepare(
      "insert into update_inbox (update_id, chat_key, user_id, payload, received_at, done_at, counted_at) values (?, ?, ?, '{}', ?, ?, ?)",
    );
    sqlite.transaction(() => {
      for (let id = 1; id <= 20_000; id++) insert.run(id, `c${id % 500}`, id % 500, id, id < 19_900 ? id : null, id % 3 ? id : null);
    })();
    sqlite.exec("analyze");
    const plans = [
      ...(await plansOf(() => claimNext(db, "a", 0, LEASE, 8, [19_950]))),
      ...(await plansOf(() => pruneDone(db, 100))),
      ...(await plansOf(() => backlog(db))),
      ...(await plansOf(() => recentUpdatesOf(db, 5, 100))),
      ...(await plansOf(() => countAgainstLimit(db, 19_999, 5, 0, 100, 5))),
    ].join("\n");
    expect(plans).not.toMatch(/SCAN (update_inbox|i|e|u)\b(?! USING)/);
    expect(plans).toMatch(/SEARCH e USING INDEX update_inbox_pending \(chat_key=\? AND update_id<\?\)/);
    expect(plans).toMatch(/SEARCH update_inbox USING INDEX update_inbox_done \(done_at<\?\)/);
    expect(plans).toMatch(/SEARCH u USING COVERING INDEX update_inbox_user_counted \(user_id=\? AND counted_at>\?\)/);
    await db.destroy();
  });
});
