import type { IncomingMessage, ServerResponse } from "node:http";
import { run } from "@grammyjs/runner";
import type { Bot } from "grammy";
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
  /** Stops taking updates and lets the ones taken finish (bounded). */
  stop(): Promise<void>;
}

/** Long polling through the runner, chats in parallel; `onFetched` is told of every successful getUpdates. */
export async function receiveByPolling(bot: Bot<BotContext>, onFetched: () => void): Promise<UpdateSource> {
  // Long polling and a webhook exclude each other: a webhook left over from another deployment would block polling.
  await bot.api.deleteWebhook();
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === "getUpdates" && result.ok) onFetched();
    return result;
  });
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  return {
    async stop() {
      await runner.stop();
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      while (runner.size() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/** Registers the webhook with its secret; `onAccepted` is told of every update taken for handling (posts refused, repeats not). */
export async function receiveByWebhook(bot: Bot<BotContext>, webhook: Extract<Receiving, { mode: "webhook" }>, onAccepted: () => void): Promise<UpdateSource> {
  const url = new URL(webhook.url);
  await bot.api.setWebhook(url.href, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  const handle = createWebhookHandler(bot, { secret: webhook.secret, answerWithinMs: WEBHOOK_ANSWER_MS, onAccepted });
  return { webhook: { path: url.pathname, handle }, stop: async () => undefined };
}
