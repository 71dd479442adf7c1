import type { IncomingMessage, ServerResponse } from "node:http";
import type { Api, Bot, Transformer } from "grammy";
import type { BotContext } from "../telegram/context.js";
import type { Receiving } from "../config/config.js";
import type { DB } from "../db/connection.js";
import type { Logger } from "../logger.js";
import { storeUpdates } from "../store/inbox.js";
import { createWebhookHandler } from "./webhook.js";

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;
// Telegram answers a long poll at the latest after this many seconds, with nothing if nothing came.
const LONG_POLL_SECONDS = 30;
// The updates fetched stay unconfirmed while the database refuses them, and are fetched again after this.
const STORE_RETRY_MS = 1000;

export interface UpdateSource {
  /** Webhook mode: what the HTTP server hands Telegram's posts to. */
  webhook?: { path: string; handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> };
  /** Rejects when updates stop coming without `stop()`: Telegram refused the token, or another instance polls with it. */
  failed: Promise<never>;
  /** Stops taking updates; those stored are the dispatcher's. */
  stop(): Promise<void>;
}

export interface PollingOptions {
  db: DB;
  logger: Logger;
  /** The client of the start-up calls (`startUpApi`). */
  setUp: Api;
  /** Waits out and reports network trouble of getUpdates (`keepTrying`). */
  patience: Transformer;
  /** Told of every successful getUpdates. */
  onFetched: () => void;
  /** Told when new updates are in the inbox. */
  onStored: () => void;
}

/**
 * Long polling into the update inbox: a batch's offset is confirmed (by the next getUpdates) only once the batch is
 * stored, so a hard kill loses nothing; Telegram hands the unconfirmed ones over again and the inbox ignores repeats.
 */
export async function receiveByPolling(bot: Bot<BotContext>, { db, logger, setUp, patience, onFetched, onStored }: PollingOptions): Promise<UpdateSource> {
  // Long polling and a webhook exclude each other: a webhook left over from another deployment would block polling.
  await setUp.deleteWebhook();
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    const result = await patience(prev, method, payload, signal);
    if (result.ok) onFetched();
    return result;
  });
  const stopping = new AbortController();
  // grammY types its signal parameter after the abort-controller polyfill; Node's own signal works the same.
  const stopSignal = stopping.signal as unknown as Parameters<Api["getUpdates"]>[1];
  // Network trouble is waited out and reported by `patience`; anything else (a revoked token, a second instance
  // polling) ends polling, and `failed` says why.
  const polling = (async () => {
    let offset = 0;
    while (!stopping.signal.aborted) {
      const updates = await bot.api
        .getUpdates({ offset, timeout: LONG_POLL_SECONDS, allowed_updates: [...ALLOWED_UPDATES] }, stopSignal)
        .catch((error: unknown) => {
          if (stopping.signal.aborted) return [];
          throw error;
        });
      if (updates.length === 0) continue;
      try {
        if ((await storeUpdates(db, updates, Date.now())).length > 0) onStored();
        offset = updates.at(-1)!.update_id + 1;
      } catch (error) {
        logger.error({ err: error }, "could not store updates; fetching them again");
        await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS));
      }
    }
  })();
  const failed = polling.then(() => new Promise<never>(() => undefined));
  return {
    failed,
    async stop() {
      stopping.abort();
      await polling.catch(() => undefined);
    },
  };
}

/** Registers the webhook with its secret; Telegram's posts are answered once their update is in the inbox. */
export async function receiveByWebhook(setUp: Api, db: DB, webhook: Extract<Receiving, { mode: "webhook" }>, onStored: () => void): Promise<UpdateSource> {
  const url = new URL(webhook.url);
  await setUp.setWebhook(url.href, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  const handle = createWebhookHandler(db, { secret: webhook.secret, onStored });
  return { webhook: { path: url.pathname, handle }, failed: new Promise<never>(() => undefined), stop: async () => undefined };
}
