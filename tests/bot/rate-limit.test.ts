import type { Update } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "../../src/bot/middlewares/rate-limit.js";
import type { DB } from "../../src/db/connection.js";
import { storeUpdates } from "../../src/store/inbox.js";
import { freshDatabaseEach } from "../support/test-db.js";

const WINDOW = 10_000;
const LIMIT = 5;

/** A limiter (one process's) with a clock the test moves; instances given the same `ids` share Telegram's numbering. */
function limiterAt(db: DB, start: number, ids = { next: 1 }) {
  let now = start;
  const clock = {
    limiter: new SlidingWindowLimiter(db, LIMIT, WINDOW, () => now),
    at(time: number) {
      now = time;
    },
    /** Sends `n` updates from `user` now, as they arrive in the inbox; how many passed, and how many drops said "slow down". */
    async send(user: number, n: number, exempt = false) {
      const updates = Array.from({ length: n }, (): Update => {
        const id = ids.next++;
        const from = { id: user, is_bot: false, first_name: "u" };
        return { update_id: id, message: { message_id: id, date: 1, chat: { id: user, type: "private", first_name: "u" }, from, text: "hi" } };
      });
      await storeUpdates(db, updates, now);
      const verdicts = [];
      for (const update of updates) verdicts.push(await clock.limiter.take(update.update_id, user, exempt));
      return { passed: verdicts.filter((v) => v.pass).length, told: verdicts.filter((v) => !v.pass && v.tell).length };
    },
  };
  return clock;
}

describe("the per-user sliding window", () => {
  const db = freshDatabaseEach();

  it("lets no more than the limit through across a ten-second boundary", async () => {
    const clock = limiterAt(db(), 0);
    clock.at(9_900);
    expect(await clock.send(1, LIMIT)).toEqual({ passed: LIMIT, told: 0 });
    // Where a window shared by everyone would have reset.
    clock.at(10_100);
    expect(await clock.send(1, LIMIT)).toEqual({ passed: 0, told: 1 });
    clock.at(19_899);
    expect(await clock.send(1, 1)).toEqual({ passed: 0, told: 0 });
    // Ten seconds after the five passed, room again.
    clock.at(19_900);
    expect(await clock.send(1, LIMIT + 1)).toEqual({ passed: LIMIT, told: 0 });
  });

  it("gives each user their own window", async () => {
    const clock = limiterAt(db(), 0);
    expect(await clock.send(1, LIMIT + 3)).toEqual({ passed: LIMIT, told: 1 });
    clock.at(6_000);
    expect(await clock.send(2, LIMIT)).toEqual({ passed: LIMIT, told: 0 });
    clock.at(10_000);
    expect(await clock.send(1, LIMIT)).toEqual({ passed: LIMIT, told: 0 });
    expect(await clock.send(2, 1)).toEqual({ passed: 0, told: 1 });
  });

  it("tells a flooding user once per window, not once per dropped update", async () => {
    const clock = limiterAt(db(), 0);
    expect(await clock.send(1, 50)).toEqual({ passed: LIMIT, told: 1 });
    clock.at(5_000);
    expect(await clock.send(1, 50)).toEqual({ passed: 0, told: 0 });
    // A steady flood lets the limit through each window and hears "slow down" once more.
    clock.at(10_000);
    expect(await clock.send(1, 50)).toEqual({ passed: LIMIT, told: 1 });
  });

  it("always passes exempt updates without counting them, so the button after a burst of forwards still works", async () => {
    const clock = limiterAt(db(), 0);
    expect(await clock.send(1, 100, true)).toEqual({ passed: 100, told: 0 });
    expect(await clock.send(1, LIMIT)).toEqual({ passed: LIMIT, told: 0 });
    expect(await clock.send(1, 1)).toEqual({ passed: 0, told: 1 });
    expect(await clock.send(1, 5, true)).toEqual({ passed: 5, told: 0 });
  });

  it("counts what every instance let through, and each instance says 'slow down' once per window", async () => {
    const ids = { next: 1 };
    const [first, second] = [limiterAt(db(), 0, ids), limiterAt(db(), 0, ids)];
    expect(await first.send(1, 3)).toEqual({ passed: 3, told: 0 });
    expect(await second.send(1, 3)).toEqual({ passed: 2, told: 1 });
    expect(await first.send(1, 2)).toEqual({ passed: 0, told: 1 });
    expect(await second.send(1, 2)).toEqual({ passed: 0, told: 0 });
  });

  it("forgets users told to slow down once they are quiet for a window", async () => {
    const clock = limiterAt(db(), 0);
    for (let user = 1; user <= 100; user++) await clock.send(user, LIMIT + 1);
    expect(clock.limiter.tracked).toBe(100);
    clock.at(20_000);
    await clock.send(1, LIMIT + 1);
    expect(clock.limiter.tracked).toBe(1);
  });

  it("passes an update fed to the bot without the inbox (the benchmark): there is nothing to count it against", async () => {
    const limiter = new SlidingWindowLimiter(db(), 1, WINDOW, () => 0);
    expect(await limiter.take(12345, 1)).toEqual({ pass: true });
    expect(await limiter.take(12346, 1)).toEqual({ pass: true });
  });
});
