import type { Update } from "@grammyjs/types";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { startInboxDispatcher, type InboxDispatcher } from "../../src/jobs/inbox-dispatcher.js";
import { backlog, storeUpdates } from "../../src/store/inbox.js";
import { eventually } from "../support/bot-process.js";
import { freshDatabaseEach } from "../support/test-db.js";

function text(updateId: number, chatId: number): Update {
  const from = { id: chatId, is_bot: false, first_name: "u" };
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 1, chat: { id: chatId, type: "private", first_name: "u" }, from, text: `m${updateId}` },
  };
}

/** A handler whose updates finish when the test says so; `log` tells what started and finished, in order. */
function heldHandler() {
  const log: string[] = [];
  const release = new Map<number, () => void>();
  return {
    log,
    handle: async (update: Update) => {
      log.push(`start ${update.update_id}`);
      await new Promise<void>((resolve) => release.set(update.update_id, resolve));
      log.push(`end ${update.update_id}`);
    },
    finish: (updateId: number) => release.get(updateId)!(),
    started: (updateId: number) => log.includes(`start ${updateId}`),
  };
}

// Polling so rarely that only a wake can explain an update being taken within a test.
const SLEEPY = { logger: pino({ level: "silent" }), pollMs: 60_000 };

describe("the inbox dispatcher", () => {
  const db = freshDatabaseEach();
  let dispatcher: InboxDispatcher | undefined;
  const start = (options: Parameters<typeof startInboxDispatcher>[0]) => (dispatcher = startInboxDispatcher(options));
  const stop = () => dispatcher?.stop();

  it("handles a chat's updates one after another and other chats meanwhile, each next one at once", async () => {
    const held = heldHandler();
    await storeUpdates(db(), [text(1, 10), text(2, 10), text(3, 20)], 0);
    start({ db: db(), handle: held.handle, ...SLEEPY });
    await eventually(() => held.started(1) && held.started(3), "both chats' first updates to start");
    expect(held.started(2)).toBe(false);
    const before = Date.now();
    held.finish(1);
    await eventually(() => held.started(2), "the chat's next update to start");
    held.finish(2);
    held.finish(3);
    await eventually(async () => (await backlog(db())) === 0, "every update to be done");
    expect(Date.now() - before).toBeLessThan(1000);
    expect(held.log.indexOf("end 1")).toBeLessThan(held.log.indexOf("start 2"));
    await stop();
  });

  it("wakes at once for an update this process stored, without waiting for its next look", async () => {
    const held = heldHandler();
    start({ db: db(), handle: held.handle, ...SLEEPY });
    await storeUpdates(db(), [text(1, 10)], 0);
    dispatcher!.wake();
    await eventually(() => held.started(1), "the stored update to start", 1000);
    held.finish(1);
    await stop();
  });

  it("marks an update whose handler threw as done, and goes on with the chat", async () => {
    const handled: number[] = [];
    await storeUpdates(db(), [text(1, 10), text(2, 10)], 0);
    start({
      db: db(),
      ...SLEEPY,
      handle: async (update) => {
        handled.push(update.update_id);
        if (update.update_id === 1) throw new Error("broken handler");
      },
    });
    await eventually(async () => (await backlog(db())) === 0, "both updates to be done", 1000);
    expect(handled).toEqual([1, 2]);
    await stop();
  });

  it("on stop, takes nothing more and waits for the update being handled, at most its grace time", async () => {
    const held = heldHandler();
    await storeUpdates(db(), [text(1, 10), text(2, 20)], 0);
    start({ db: db(), handle: held.handle, ...SLEEPY, concurrency: 1, graceMs: 200 });
    await eventually(() => held.started(1), "the first update to start");
    const began = Date.now();
    await stop();
    expect(Date.now() - began).toBeGreaterThanOrEqual(150);
    expect(held.started(2)).toBe(false);
    held.finish(1);
  });
});
