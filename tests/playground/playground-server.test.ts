import { request } from "node:http";
import type { Update } from "@grammyjs/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startPlayground, type Playground } from "../../src/playground/playground-server.js";

let playground: Playground;

beforeEach(async () => {
  playground = await startPlayground({ port: 0, maxUploadBytes: 1024 });
});
afterEach(async () => {
  await playground.stop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${playground.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

/** The updates a bot polling this playground would get now. */
async function updates(): Promise<Update[]> {
  const response = await fetch(`${playground.url}/bot${playground.token}/getUpdates`);
  return ((await response.json()) as { result: Update[] }).result;
}

/** A GET with a Host header of our choosing, which fetch does not allow. */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(playground.url);
    request({ host: "127.0.0.1", port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });
}

describe("the playground's page", () => {
  it("is served with a policy that lets it load only its own files", async () => {
    const response = await fetch(playground.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<script type="module" src="/app.js">');
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect((await fetch(`${playground.url}/app.js`)).headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await fetch(`${playground.url}/app.css`)).status).toBe(200);
    expect((await fetch(`${playground.url}/secret.txt`)).status).toBe(404);
  });

  it("answers no other site: a foreign Host (DNS rebinding) or Origin is refused", async () => {
    expect(await getWithHost("/api/state", "evil.example:80")).toBe(403);
    expect(await getWithHost("/api/state", `localhost:${new URL(playground.url).port}`)).toBe(200);
    const response = await post("/api/messages", { text: "hi" }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await updates()).toEqual([]);
  });
});

describe("what the simulated user does becomes the updates Telegram would send", () => {
  it("text with links, a command, a reply and a channel post pasted as forwarded", async () => {
    await post("/api/messages", { text: "read https://example.org/a and example.com" });
    await post("/api/messages", { text: "/unread #rust" });
    await post("/api/messages", { text: "a note", replyTo: 1 });
    await post("/api/messages", { text: "post https://example.org/b", forwardedFrom: "Rust Weekly" });
    const [link, command, reply, forward] = (await updates()).map((update) => update.message!);
    expect(link!.entities?.map((e) => e.type)).toEqual(["url", "url"]);
    expect(link!.from?.language_code).toBe("en");
    expect(command!.entities?.[0]).toEqual({ type: "bot_command", offset: 0, length: 7 });
    expect(reply!.reply_to_message?.message_id).toBe(1);
    expect(forward!.forward_origin).toMatchObject({ type: "channel", chat: { type: "channel", title: "Rust Weekly" } });
  });

  it("speaks the language chosen, and refuses one it does not offer", async () => {
    const answer = await post("/api/language", { language: "zh-hans" });
    expect(answer.status).toBe(200);
    await post("/api/messages", { text: "你好" });
    expect((await updates())[0]!.message!.from?.language_code).toBe("zh-hans");
    expect((await post("/api/language", { language: "fr" })).status).toBe(400);
  });

  it("says what was wrong with a request instead of sending anything", async () => {
    expect(await (await post("/api/messages", { text: "  " })).json()).toEqual({ error: "empty message" });
    const form = await fetch(`${playground.url}/api/messages`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
    expect(form.status).toBe(400);
    const broken = await fetch(`${playground.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(await broken.json()).toEqual({ error: "the request is not JSON" });
    expect(await (await post("/api/press", { messageId: 99, data: "x" })).json()).toEqual({ error: "that message is gone" });
    expect(await updates()).toEqual([]);
  });

  it("presses only buttons the message still shows", async () => {
    await post("/api/messages", { text: "hi" });
    await fetch(`${playground.url}/bot${playground.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: 1001, text: "Tags?", reply_markup: { inline_keyboard: [[{ text: "#rust", callback_data: "tag:rust" }]] } }),
    });
    expect((await post("/api/press", { messageId: 2, data: "tag:go" })).status).toBe(400);
    expect((await post("/api/press", { messageId: 2, data: "tag:rust" })).status).toBe(200);
    const pressed = (await updates()).at(-1)!.callback_query!;
    expect(pressed.data).toBe("tag:rust");
    expect(pressed.message?.message_id).toBe(2);
  });

  it("uploads a file as a document the bot can download, and refuses one over the limit", async () => {
    const upload = await fetch(`${playground.url}/api/upload?name=${encodeURIComponent("学习 log.md")}`, {
      method: "POST",
      body: "# 2026-12-01\nhttps://example.org\n",
    });
    expect(upload.status).toBe(200);
    const document = (await updates())[0]!.message!.document!;
    expect(document).toMatchObject({ file_name: "学习 log.md", mime_type: "text/markdown", file_size: 33 });
    const download = await fetch(`${playground.url}/api/files/${document.file_id}`);
    expect(await download.text()).toBe("# 2026-12-01\nhttps://example.org\n");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; .*filename\*=UTF-8''%E5%AD%A6%E4%B9%A0%20log\.md$/);

    const big = await fetch(`${playground.url}/api/upload?name=big.md`, { method: "POST", body: "x".repeat(2048) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: "the file is over 1 KiB" });
  });
});

describe("the page's event stream", () => {
  it("tells of the bot's messages in the user's chat, and of nothing in other chats", async () => {
    playground.api.knowPrivateChat(2002);
    await post("/api/messages", { text: "hi" });
    const controller = new AbortController();
    const response = await fetch(`${playground.url}/api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const send = (chatId: number, text: string) =>
      fetch(`${playground.url}/bot${playground.token}/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: chatId, text }),
      });
    await send(2002, "someone else's");
    await send(1001, "<b>yours</b>");
    let received = "";
    while (!received.includes("yours")) received += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(received).not.toContain("someone else's");
    const event = JSON.parse(received.split("data: ").at(-1)!);
    expect(event).toMatchObject({ kind: "message", chatId: 1001, byBot: true, message: { text: "<b>yours</b>" } });
  });
});
