import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/connection.js";
import { claimDigest, dueDigestUsers, scheduleDigestRetry } from "../../src/store/digest.js";
import { planRecordingDatabase } from "../support/query-plans.js";

describe("digest store", () => {
  let db: DB;
  let plansOf: (action: () => Promise<unknown>) => Promise<string[]>;

  beforeAll(async () => {
    ({ db, plansOf } = await planRecordingDatabase());
    await db
      .insertInto("users")
      .values(
        Array.from({ length: 50 }, (_, i) => ({ id: i + 1, time_zone: "UTC", created_at: 0, digest_next_at: i * 1000, digest_enabled: i % 5 === 0 ? 0 : 1 })),
      )
      .execute();
  });
  afterAll(async () => db.destroy());

  it("finds due users, earliest first, through the partial index on the next due time", async () => {
    const due = await dueDigestUsers(db, 10_000, 100);
    expect(due.map((user) => user.id)).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
    const [plan] = await plansOf(() => dueDigestUsers(db, 10_000, 100));
    expect(plan).toContain("USING INDEX users_digest_due");
    expect(plan).not.toMatch(/SCAN users|TEMP B-TREE/);
  });

  it("gives a day's digest to exactly one claimer, and a temporarily failed day to exactly one retry", async () => {
    expect(await claimDigest(db, 2, "2026-11-25", 1)).toEqual({ attempts: 1 });
    expect(await claimDigest(db, 2, "2026-11-25", 2)).toBeNull();
    expect(await claimDigest(db, 2, "2026-11-26", 3)).toEqual({ attempts: 1 });

    await scheduleDigestRetry(db, 2, "2026-11-25", 60_000);
    expect(await claimDigest(db, 2, "2026-11-25", 4)).toEqual({ attempts: 2 });
    expect(await claimDigest(db, 2, "2026-11-25", 5)).toBeNull();
  });
});
