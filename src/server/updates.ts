import type { IncomingMessage, ServerResponse } from "node:http";
import { run } from "@grammyjs/runner";
import type { Api, Bot, Transformer } from "grammy";
import type { BotContext } from "../telegram/context.js";
import type { Receiving } from "../config/config.js";
import { createWebhookHandler } from "./webhook.js";

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;
const SHUTDOWN_GRACE_MS = 10_000;
// Telegram waits about 10 s for an answer before it delivers again; long work goes on after this answer.
const WEBHOOK_ANSWER_MS = 8_000;

export interface UpdateSource {
  /** Webhook mode: what the HTTP server hands Telegram's posts to. */
  webhook?: { path: string; handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> };
  /** Rejects when updates stop coming without `stop()`: Telegram refused the token, or another instance polls with it. */
  failed: Promise<never>;
  /** Stops taking updates and lets the ones taken finish (bounded). */
  stop(): Promise<void>;
}

export interface PollingOptions {
  /** The client of the start-up calls (`startUpApi`). */
  setUp: Api;
  /** Waits out and reports network trouble of getUpdates (`keepTrying`). */
  patience: Transformer;
  /** Told of every successful getUpdates. */
  onFetched: () => void;
}

/** Long polling through the runner, chats in parallel. */
export async function receiveByPolling(bot: Bot<BotContext>, { setUp, patience, onFetched }: PollingOptions): Promise<UpdateSource> {
  // Long polling and a webhook exclude each other: a webhook left over from another deployment would block polling.
  await setUp.deleteWebhook();
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    const result = await patience(prev, method, payload, signal);
    if (result.ok) onFetched();
    return result;
  });
  // The runner's own retries are off: they are silent, and its error printing quotes URLs with the token. Network
  // trouble is waited out and reported by `patience`; anything else (a revoked token, a second instance polling) ends
  // polling, and `failed` says why.
  const runner = run(bot, { runner: { silent: true, maxRetryTime: 0, fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  const failed = new Promise<never>((_, reject) => void runner.task()?.catch(reject));
  return {
    failed,
    async stop() {
      await runner.stop();
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      while (runner.size() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/** Registers the webhook with its secret; `onAccepted` is told of every update taken for handling (posts refused, repeats not). */
export async function receiveByWebhook(
  bot: Bot<BotContext>,
  setUp: Api,
  webhook: Extract<Receiving, { mode: "webhook" }>,
  onAccepted: () => void,
): Promise<UpdateSource> {
  const url = new URL(webhook.url);
  await setUp.setWebhook(url.href, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  const handle = createWebhookHandler(bot, { secret: webhook.secret, answerWithinMs: WEBHOOK_ANSWER_MS, onAccepted });
  return { webhook: { path: url.pathname, handle }, failed: new Promise<never>(() => undefined), stop: async () => undefined };
}
