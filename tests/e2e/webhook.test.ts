import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { connect, createServer } from "node:net";
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

const MiB = 1024 * 1024;

/** The bot process's resident memory in bytes (Linux); undefined elsewhere. */
function residentBytes(pid: number | undefined): number | undefined {
  const status = `/proc/${pid}/status`;
  if (pid === undefined || !existsSync(status)) return undefined;
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, "utf8"))?.[1];
  return kib === undefined ? undefined : Number(kib) * 1024;
}

/** Streams a chunked body (no content-length) until the server answers or `limit` bytes are written. */
function streamChunked(path: string, limit: number): Promise<{ status: number | undefined; written: number }> {
  return new Promise((resolve) => {
    let written = 0;
    let done = false;
    const finish = (status: number | undefined) => {
      if (done) return;
      done = true;
      resolve({ status, written });
      post.destroy();
    };
    const post = request(`${origin}${path}`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET } });
    post.on("response", (response) => {
      response.resume();
      finish(response.statusCode);
    });
    post.on("error", () => finish(undefined));
    const chunk = Buffer.alloc(64 * 1024, "x");
    post.write('{"update_id":1,"padding":"');
    const pump = (): void => {
      while (!done && written < limit) {
        written += chunk.length;
        if (!post.write(chunk)) return void post.once("drain", pump);
      }
      if (!done) post.end('"}');
    };
    pump();
  });
}

/** Webhook mode: the secret is checked, oversized bodies refused, updates handled; /healthz reports without secrets. */
describe("webhook mode and health", () => {
  // A short request timeout, so that cutting a slow body takes a second here.
  const harness = botHarness({ WEBHOOK_URL: `${origin}/telegram/hook`, WEBHOOK_SECRET: SECRET, PORT: String(port), HTTP_REQUEST_TIMEOUT_SECONDS: "1" });

  const post = (body: unknown, secret?: string) =>
    fetch(`${origin}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(body),
    });
  const inboxBacklog = async () => ((await (await fetch(`${origin}/healthz`)).json()) as { inboxBacklog: number | null }).inboxBacklog;
  const updateFrom = (userId: number, text: string): Update => {
    const from = { id: userId, is_bot: false, first_name: "Web" };
    return {
      update_id: userId,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: userId, type: "private", first_name: "Web" },
        from,
        text,
        entities: [{ type: "url", offset: 0, length: text.length }],
      },
    } as Update;
  };

  it("registers the webhook with its secret and serves /healthz without the token", async () => {
    const [registered] = harness.emulator.callsOf("setWebhook");
    expect(registered?.payload).toMatchObject({ url: `${origin}/telegram/hook`, secret_token: SECRET });
    const health = await eventually(async () => fetch(`${origin}/healthz`).catch(() => undefined), "the HTTP server to listen");
    const body = await health.text();
    expect(JSON.parse(body)).toMatchObject({ database: true, inboxBacklog: 0 });
    expect(body).not.toContain(harness.emulator.token);
  });

  it("handles an update carrying the secret, and refuses one without it", async () => {
    const since = harness.emulator.mark();
    // Updates arrive by webhook here, so the emulator is told of the chat the bot will answer in.
    harness.emulator.knowPrivateChat(9501);
    expect((await post(updateFrom(9502, "https://example.org/forged"))).status).toBe(401);
    expect((await post(updateFrom(9501, "https://example.org/by-webhook"), SECRET)).status).toBe(200);
    const question = await nextMessage(harness.emulator, 9501, since, TAG_QUESTION);
    expect(question.text).toContain("example.org › by-webhook");
    expect(harness.emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) === 9502)).toEqual([]);
  });

  it("refuses a body far larger than any update", async () => {
    const response = await post({ update_id: 1, padding: "x".repeat(2 * 1024 * 1024) }, SECRET);
    expect(response.status).toBe(413);
  });

  it("cuts off a chunked body at 1 MiB with 413, without holding what was sent", async () => {
    const before = residentBytes(harness.bot.process.pid);
    const { status, written } = await streamChunked("/telegram/hook", 64 * MiB);
    expect(status).toBe(413);
    expect(written).toBeLessThan(64 * MiB);
    const after = residentBytes(harness.bot.process.pid);
    if (before !== undefined && after !== undefined) expect(after - before).toBeLessThan(32 * MiB);
  });

  it("handles an update delivered twice only once", async () => {
    const chat = 9503;
    harness.emulator.knowPrivateChat(chat);
    const since = harness.emulator.mark();
    const from = { id: chat, is_bot: false, first_name: "Web" };
    const today = {
      update_id: 777_001,
      message: {
        message_id: 5,
        date: 1,
        chat: { id: chat, type: "private", first_name: "Web" },
        from,
        text: "/today",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    };
    // Each post is answered once its update is in the inbox (or found there); after both, the inbox holds all there is.
    expect((await post(today, SECRET)).status).toBe(200);
    expect((await post(today, SECRET)).status).toBe(200);
    await nextMessage(harness.emulator, chat, since, /Today/);
    await eventually(async () => (await inboxBacklog()) === 0, "the inbox to have nothing left to handle");
    const answers = harness.emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) === chat);
    expect(answers.map((c) => String(c.payload.text))).toEqual([expect.stringMatching(/Today/)]);
  });

  it("counts only accepted updates as arrivals in /healthz", async () => {
    const lastUpdateAt = async () => ((await (await fetch(`${origin}/healthz`)).json()) as { lastUpdateAt: string | null }).lastUpdateAt;
    const before = await lastUpdateAt();
    expect((await post(updateFrom(9504, "https://example.org/forged-again"))).status).toBe(401);
    expect((await post(updateFrom(9505, "https://example.org/wrong"), "wrong-secret-0123456789")).status).toBe(401);
    expect((await post({ update_id: 2, padding: "x".repeat(2 * MiB) }, SECRET)).status).toBe(413);
    expect(await lastUpdateAt()).toBe(before);

    harness.emulator.knowPrivateChat(9506);
    expect((await post(updateFrom(9506, "https://example.org/counted"), SECRET)).status).toBe(200);
    expect(await lastUpdateAt()).not.toBe(before);
  });

  it("cuts a body that trickles in once the request timeout passes", async () => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (data) => (answer += data)).on("error", () => undefined);
    const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(Date.now())));
    const started = Date.now();
    socket.write(
      `POST /telegram/hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 100\r\n\r\n{"upd`,
    );
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the slow request was not cut within 5 s")), 5000).unref());
    const closedAt = await Promise.race([closed, timeout]).finally(() => socket.destroy());
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAt - started).toBeLessThan(3000);
  });
});
