import { request } from "node:http";
import type { Update } from "@grammyjs/types";

// Telegram's default for setWebhook's max_connections.
const DEFAULT_CONNECTIONS = 40;
// A failed delivery is tried again after this long (Telegram waits longer; tests cannot).
const RETRY_MS = 100;
const POST_TIMEOUT_MS = 10_000;

/** The chat an update belongs to, for delivering each chat's updates one after another. */
function chatOf(update: Update): number | undefined {
  const message = update.message ?? update.edited_message ?? update.channel_post ?? update.callback_query?.message;
  return message?.chat.id ?? update.callback_query?.from.id;
}

function post(url: string, secret: string | undefined, body: string): Promise<boolean> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) };
    if (secret) headers["x-telegram-bot-api-secret-token"] = secret;
    const sent = request(url, { method: "POST", headers, timeout: POST_TIMEOUT_MS }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300);
    });
    sent.once("timeout", () => sent.destroy());
    sent.once("error", () => resolve(false));
    sent.end(body);
  });
}

export interface WebhookSettings {
  url: string;
  secret?: string;
  maxConnections?: number;
}

/**
 * Telegram's webhook delivery: each update is posted to the webhook until an answer of 2xx, a chat's next update
 * only after its previous one was answered, different chats at once up to max_connections (grammY's guide,
 * "Ending Webhook Requests in Time", describes this). `route` maps the public URL a bot registers to the addresses
 * that serve it, as a reverse proxy in front of several instances would: posts go to them in turn, and a failed one
 * is tried again at the next.
 */
export class WebhookDelivery {
  private readonly waiting: Update[] = [];
  private readonly busyChats = new Set<number>();
  private inFlight = 0;
  private turn = 0;
  private stopped = false;

  constructor(
    private readonly settings: WebhookSettings,
    private readonly route: (url: string) => readonly string[],
  ) {}

  add(update: Update): void {
    this.waiting.push(update);
    this.pump();
  }

  get pending(): number {
    return this.waiting.length + this.inFlight;
  }

  stop(): void {
    this.stopped = true;
  }

  private pump(): void {
    const limit = this.settings.maxConnections ?? DEFAULT_CONNECTIONS;
    for (let i = 0; i < this.waiting.length && this.inFlight < limit && !this.stopped;) {
      const update = this.waiting[i]!;
      const chat = chatOf(update);
      if (chat !== undefined && this.busyChats.has(chat)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      void this.deliver(update, chat);
    }
  }

  private async deliver(update: Update, chat: number | undefined): Promise<void> {
    this.inFlight++;
    if (chat !== undefined) this.busyChats.add(chat);
    const body = JSON.stringify(update);
    while (!this.stopped) {
      const targets = this.route(this.settings.url);
      const target = targets.length > 0 ? targets[this.turn++ % targets.length]! : this.settings.url;
      if (await post(target, this.settings.secret, body)) break;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    this.inFlight--;
    if (chat !== undefined) this.busyChats.delete(chat);
    this.pump();
  }
}
