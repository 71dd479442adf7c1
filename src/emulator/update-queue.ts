import type { Update } from "@grammyjs/types";
import { ApiError } from "./api-error.js";
import type { Payload } from "./request-body.js";
import type { NewUpdate } from "./users.js";

// Telegram only sends these when a bot asks for them explicitly.
const OPT_IN_UPDATES = ["chat_member", "message_reaction", "message_reaction_count"];

interface LongPoll {
  limit: number;
  deliver(updates: Update[]): void;
  /** Ends the poll with an error, as Telegram ends one when another getUpdates arrives. */
  refuse(error: ApiError): void;
}

// Telegram's words to a long poll that a newer getUpdates (another instance with the same token) has replaced.
const REPLACED = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

/** How a getUpdates call waits: told when it starts waiting, and when its client goes away. */
export interface PollHooks {
  onAbort(listener: () => void): void;
  onPark(): void;
}

/** The updates waiting for the bot, and the one long poll that may wait for them. */
export class UpdateQueue {
  private queue: Update[] = [];
  private nextUpdateId = 1;
  private allowedUpdates: string[] = [];
  private poll: LongPoll | undefined;
  private readonly pollWaiters = new Set<() => void>();
  webhookUrl = "";
  closed = false;
  /** Where new updates go instead of waiting for getUpdates: a webhook being delivered to. */
  sink: ((update: Update) => void) | undefined;

  push(update: NewUpdate): Update {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    if (this.sink) {
      this.sink(full);
      return full;
    }
    this.queue.push(full);
    this.wakePoll();
    return full;
  }

  get length(): number {
    return this.queue.length;
  }

  get polling(): boolean {
    return this.poll !== undefined;
  }

  drop(): void {
    this.queue = [];
  }

  getUpdates(payload: Payload, { onAbort, onPark }: PollHooks): Update[] | Promise<Update[]> {
    if (this.webhookUrl) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    // Only one poll is served at a time: the newest wins, and the older one is told why it ends, as Telegram does.
    this.poll?.refuse(new ApiError(409, REPLACED));
    const offset = int(payload.offset);
    const limit = Math.min(Math.max(int(payload.limit) ?? 100, 1), 100);
    const timeout = int(payload.timeout) ?? 0;
    if (Array.isArray(payload.allowed_updates)) this.allowedUpdates = payload.allowed_updates.map(String);
    // An offset confirms every earlier update; a negative one keeps only the last -offset updates.
    if (offset !== undefined && offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    if (offset !== undefined && offset < 0) this.queue = this.queue.slice(offset);

    const ready = this.deliverable(limit);
    if (ready.length > 0 || timeout <= 0 || this.closed) return ready;
    return new Promise<Update[]>((resolve, reject) => {
      const end = () => {
        clearTimeout(timer);
        if (this.poll === current) this.poll = undefined;
      };
      const finish = (updates: Update[]) => {
        end();
        resolve(updates);
      };
      const refuse = (error: ApiError) => {
        end();
        reject(error);
      };
      const current: LongPoll = { limit, deliver: finish, refuse };
      const timer = setTimeout(() => finish([]), timeout * 1000);
      this.poll = current;
      onAbort(() => finish([]));
      onPark();
      for (const wake of this.pollWaiters) wake();
      this.pollWaiters.clear();
    });
  }

  /** Resolves once a getUpdates call is parked waiting for updates. */
  waitForPoll(timeoutMs: number, describe: () => string): Promise<void> {
    if (this.poll) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.pollWaiters.delete(wake);
        reject(new Error(`no long poll (getUpdates with a timeout) within ${timeoutMs} ms; calls: ${describe()}`));
      }, timeoutMs);
      this.pollWaiters.add(wake);
    });
  }

  close(): void {
    this.closed = true;
    this.poll?.deliver([]);
  }

  private isAllowed(update: Update): boolean {
    const kind = Object.keys(update).find((key) => key !== "update_id") ?? "";
    return this.allowedUpdates.length > 0 ? this.allowedUpdates.includes(kind) : !OPT_IN_UPDATES.includes(kind);
  }

  private deliverable(limit: number): Update[] {
    // Telegram never stores updates a bot did not ask for.
    this.queue = this.queue.filter((update) => this.isAllowed(update));
    return this.queue.slice(0, limit);
  }

  private wakePoll(): void {
    if (!this.poll) return;
    const ready = this.deliverable(this.poll.limit);
    if (ready.length > 0) this.poll.deliver(ready);
  }
}

export function int(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}
