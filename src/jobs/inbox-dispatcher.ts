import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Update } from "@grammyjs/types";
import type { DB } from "../db/connection.js";
import type { Logger } from "../logger.js";
import { claimNext, markDone, renewLeases } from "../store/inbox.js";

export interface InboxDispatcherOptions {
  db: DB;
  logger: Logger;
  /** Handles one update; a rejection is logged, and the update counts as done all the same. */
  handle: (update: Update) => Promise<void>;
  /** Chats handled at once by this process. */
  concurrency?: number;
  /** How long a claimed update stays this process's without renewal: after a crash, another takes it then. */
  leaseMs?: number;
  /** How often to look for updates another process stored (this process's own wake it at once). */
  pollMs?: number;
  /** How long `stop()` waits for the updates being handled. */
  graceMs?: number;
}

export interface InboxDispatcher {
  /** An update was stored: look now instead of at the next poll. */
  wake(): void;
  /** Stops claiming and waits (bounded) for the updates being handled. */
  stop(): Promise<void>;
}

const DEFAULTS = { concurrency: 8, leaseMs: 30_000, pollMs: 200, graceMs: 10_000 };

/**
 * Hands each chat's oldest unfinished update to `handle`, a few chats at a time, in every process sharing the
 * database: the inbox leases it to this process, so a chat's next update waits for it wherever it runs. An update
 * whose handling crashed the process is handled again once its lease expires, so handlers stay idempotent.
 */
export function startInboxDispatcher(options: InboxDispatcherOptions): InboxDispatcher {
  const { db, logger, handle, concurrency, leaseMs, pollMs, graceMs } = { ...DEFAULTS, ...options };
  const worker = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const running = new Map<number, Promise<void>>();
  let stopping = false;
  let woken = false;
  let interrupt: (() => void) | undefined;

  const wake = () => {
    woken = true;
    interrupt?.();
  };
  // A wake that came while claiming is not lost: the flag makes the next pause return at once.
  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(resolve, pollMs);
      interrupt = () => (clearTimeout(timer), resolve());
    }).finally(() => {
      interrupt = undefined;
      woken = false;
    });

  // Handled, and to be marked done by the next claim (or by `stop`, once claiming is over).
  const finished = new Set<number>();

  const run = (updateId: number, update: Update) => {
    // Its lease ran out while the event loop was blocked: it is still being handled here, not lost.
    if (running.has(updateId)) return;
    const handling = (async () => {
      try {
        await handle(update);
      } catch (error) {
        // The bot's error boundary answered the user already; this is what failed before or around it.
        logger.error({ err: error, update_id: updateId }, "update failed outside the error boundary");
      }
      finished.add(updateId);
      running.delete(updateId);
      // The chat's next update is claimable in the claim that marks this one done.
      wake();
    })();
    running.set(updateId, handling);
  };

  const loop = (async () => {
    while (!stopping) {
      const free = concurrency - running.size;
      if (free > 0 || finished.size > 0) {
        const done = [...finished];
        try {
          const claimed = await claimNext(db, worker, Date.now(), leaseMs, Math.max(free, 0), done);
          for (const id of done) finished.delete(id);
          for (const { updateId, update } of claimed) run(updateId, update);
        } catch (error) {
          // Kept in `finished` for the next try; meanwhile their leases may run out, and they are handled again.
          logger.error({ err: error }, "could not claim updates");
        }
      }
      await pause();
    }
  })();

  const markFinished = async () => {
    try {
      await markDone(db, [...finished], Date.now());
      finished.clear();
    } catch (error) {
      logger.error({ err: error }, "could not mark updates done");
    }
  };

  const renewal = setInterval(() => {
    renewLeases(db, worker, [...running.keys()], Date.now(), leaseMs).catch((error: unknown) => logger.error({ err: error }, "could not renew update leases"));
  }, leaseMs / 3);

  return {
    wake,
    async stop() {
      stopping = true;
      interrupt?.();
      await loop;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.allSettled(running.values()), grace]);
      clearTimeout(timer);
      clearInterval(renewal);
      await markFinished();
    },
  };
}
