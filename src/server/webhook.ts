import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "@grammyjs/types";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "../telegram/context.js";
import { BodyTooLarge, readBody } from "./read-body.js";
import { RecentIds } from "./recent-ids.js";

// Telegram's updates are a few KiB; anything near this is not from Telegram.
export const MAX_BODY_BYTES = 1024 * 1024;
// Telegram redelivers an update whose answer was late or lost, soon after; this many ids outlast that.
const REMEMBERED_UPDATES = 10_000;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const LINGER_MS = 1000;

export type WebhookHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface WebhookOptions {
  secret: string;
  /** Telegram's update is answered by then, and its handling goes on. */
  answerWithinMs: number;
  /** Told of every update taken for handling: authentic, well-formed, not a repeat. */
  onAccepted: () => void;
}

function reply(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { "content-type": "application/json" }).end(body);
}

/**
 * Answers at once and throws the rest of the body away unread; a body still coming after `LINGER_MS` has its
 * connection dropped. Dropping it at once would reset the connection under a client still sending, often before it
 * has read the answer.
 */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, error: string): void {
  request.resume();
  const drop = setTimeout(() => request.destroy(), LINGER_MS);
  // A body that ends in time leaves the connection fit for the client's next request.
  request.once("end", () => clearTimeout(drop)).once("close", () => clearTimeout(drop));
  reply(response, status, JSON.stringify({ error }));
}

function hasSecret(request: IncomingMessage, secret: string): boolean {
  const given = request.headers[SECRET_HEADER];
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseUpdate(body: Buffer): Update | undefined {
  try {
    const update = JSON.parse(body.toString("utf8")) as Partial<Update> | null;
    return typeof update === "object" && update !== null && Number.isSafeInteger(update.update_id) ? (update as Update) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Telegram's posts: the secret is checked before any of the body is read, the body is capped as it streams, and an
 * update id seen recently is answered without being handled again (Telegram redelivers when an answer is late).
 */
export function createWebhookHandler(bot: Bot<BotContext>, { secret, answerWithinMs, onAccepted }: WebhookOptions): WebhookHandler {
  const handleUpdate = webhookCallback(bot, "callback", { onTimeout: "return", timeoutMilliseconds: answerWithinMs });
  const recent = new RecentIds(REMEMBERED_UPDATES);
  return async (request, response) => {
    if (!hasSecret(request, secret)) return refuse(request, response, 401, "unauthorized");
    if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return refuse(request, response, 413, "body too large");
    let body: Buffer;
    try {
      body = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) refuse(request, response, 413, "body too large");
      return;
    }
    const update = parseUpdate(body);
    if (!update) return reply(response, 400, JSON.stringify({ error: "not an update" }));
    if (!recent.add(update.update_id)) return void response.end();
    onAccepted();
    try {
      await handleUpdate(update, (json: string) => reply(response, 200, json));
    } catch (error) {
      // Telegram delivers a failed update again; that delivery must be handled, not taken for a repeat.
      recent.delete(update.update_id);
      throw error;
    }
    if (!response.headersSent) response.end();
  };
}
