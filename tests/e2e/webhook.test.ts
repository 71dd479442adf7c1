import { createServer } from "node:net";
import type { Update } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { eventually } from "../support/bot-process.js";
import { nextMessage, TAG_QUESTION } from "../support/chat.js";
import { botHarness } from "../support/harness.js";

const SECRET = "test-secret-0123456789";
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const origin = `http://127.0.0.1:${port}`;

/** Webhook mode: the secret is checked, oversized bodies refused, updates handled; /healthz reports without secrets. */
describe("webhook mode and health", () => {
  const harness = botHarness({ WEBHOOK_URL: `${origin}/telegram/hook`, WEBHOOK_SECRET: SECRET, PORT: String(port) });

  const post = (body: unknown, secret?: string) =>
    fetch(`${origin}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(body),
    });
  const updateFrom = (userId: number, text: string): Update => {
    const from = { id: userId, is_bot: false, first_name: "Web" };
    return {
      update_id: userId,
      message: { message_id: 1, date: 1, chat: { id: userId, type: "private", first_name: "Web" }, from, text, entities: [{ type: "url", offset: 0, length: text.length }] },
    } as Update;
  };

  it("registers the webhook with its secret and serves /healthz without the token", async () => {
    const [registered] = harness.emulator.callsOf("setWebhook");
    expect(registered?.payload).toMatchObject({ url: `${origin}/telegram/hook`, secret_token: SECRET });
    const health = await eventually(async () => fetch(`${origin}/healthz`).catch(() => undefined), "the HTTP server to listen");
    const body = await health.text();
    expect(JSON.parse(body)).toMatchObject({ database: true });
    expect(body).not.toContain(harness.emulator.token);
  });

  it("handles an update carrying the secret, and refuses one without it", async () => {
    const since = harness.emulator.mark();
    // Updates arrive by webhook here, so the emulator is told of the chat the bot will answer in.
    harness.emulator.knowPrivateChat(9501);
    expect((await post(updateFrom(9502, "https://example.org/forged"))).status).toBe(401);
    expect((await post(updateFrom(9501, "https://example.org/by-webhook"), SECRET)).status).toBe(200);
    const question = await nextMessage(harness.emulator, 9501, since, TAG_QUESTION);
    expect(question.text).toContain("example.org/by-webhook");
    expect(harness.emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) === 9502)).toEqual([]);
  });

  it("refuses a body far larger than any update", async () => {
    const response = await post({ update_id: 1, padding: "x".repeat(2 * 1024 * 1024) }, SECRET);
    expect(response.status).toBe(413);
  });
});
