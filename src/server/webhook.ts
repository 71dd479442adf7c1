import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "@grammyjs/types";
import type { DB } from "../db/connection.js";
import { storeUpdates } from "../store/inbox.js";
import { BodyTooLarge, readBody } from "./read-body.js";

// Telegram's updates are a few KiB; anything near this is not from Telegram.
export const MAX_BODY_BYTES = 1024 * 1024;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const LINGER_MS = 1000;

export type WebhookHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface WebhookOptions {
  secret: string;
  /** Told of every update stored for handling: authentic, well-formed, not a repeat. */
  onStored: () => void;
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
 * Telegram's posts: the secret is checked before any of the body is read, the body is capped as it streams, and the
 * update is answered as soon as it is in the inbox, handled or not. A redelivery (Telegram posts again when an answer
 * is late or lost) finds its id there and is answered without being stored twice; a post whose update could not be
 * stored fails, and Telegram delivers it again.
 */
export function createWebhookHandler(db: DB, { secret, onStored }: WebhookOptions): WebhookHandler {
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
    if ((await storeUpdates(db, [update], Date.now())).length > 0) onStored();
    response.end();
  };
}
