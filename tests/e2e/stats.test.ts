import { mkdirSync, writeFileSync } from "node:fs";
import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { appHarness } from "../support/harness.js";
import { chatSession } from "../support/chat-session.js";

const RESULTS = new URL("../../test-results/", import.meta.url);
const PNG_SIGNATURE = "89504e470d0a1a0a";

/** /stats end to end: a photo of the chart with its summary as caption, in the user's language. */
describe("/stats, end to end", () => {
  const harness = appHarness();
  const ada = chatSession(harness, { id: 4101, first_name: "Ada", language_code: "en" });
  const lin = chatSession(harness, { id: 4102, first_name: "Lin", language_code: "zh-hans" });
  // The same user, saving with an English Telegram app: the session's steps wait for English questions.
  const linInEnglish = chatSession(harness, { id: 4102, first_name: "Lin", language_code: "en" });

  /** Sends /stats and waits for the picture; returns the message and the PNG's bytes, kept in test-results/ to look at. */
  async function stats(session: typeof ada, chatId: number, fileName: string): Promise<{ message: Message; png: Buffer }> {
    const since = harness.emulator.mark();
    session.user().command("/stats");
    const call = await harness.emulator.waitForCall("sendPhoto", (c) => Number(c.payload.chat_id) === chatId, { since, timeoutMs: 15_000 });
    expect(call.response).toMatchObject({ ok: true });
    const message = call.response.result as Message;
    const png = harness.emulator.photoContent(message)!;
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(new URL(fileName, RESULTS), png);
    return { message, png };
  }

  it("sends the chart as a 1280 × 960 PNG with the weeks, the backlog and the tags told in English", async () => {
    await ada.save("https://example.org/ownership Rust ownership", "rust");
    await ada.save("https://www.example.org/beam Erlang VM internals", "elixir beam");
    await ada.save("https://github.com/rust-lang/rust The Rust repository", "rust");
    const list = await ada.command("/unread", /Unread: 3/);
    await ada.press(list, "✅ 1");

    const { message, png } = await stats(ada, 4101, "stats-en.png");
    expect(png.toString("hex", 0, 8)).toBe(PNG_SIGNATURE);
    expect(png.toString("latin1", 12, 16)).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 960]);
    expect(message.photo!.at(-1)).toMatchObject({ width: 1280, height: 960 });
    expect(message.caption).toContain("In the last 26 weeks you saved 3 links, read 1 and wrote");
    expect(message.caption).toContain("2 links are unread");
    expect(message.caption).toContain("Reading streak: 1 day (longest 1).");
    expect(message.caption).toContain("Top tags: #rust, #beam, #elixir.");
    expect(message.caption).toContain("Top sites: example.org, github.com.");
  });

  it("speaks Chinese to a Chinese user, in the caption as in the picture", async () => {
    await linInEnglish.save("https://zhuanlan.zhihu.com/p/1 进程调度", "进程 操作系统");
    await linInEnglish.save("https://zhuanlan.zhihu.com/p/2 内存管理", "操作系统");

    const { message, png } = await stats(lin, 4102, "stats-zh.png");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 960]);
    expect(message.caption).toContain("近 26 周你保存了 2 个链接，读完 0 个");
    expect(message.caption).toContain("照这个速度永远读不完");
    expect(message.caption).toContain("常用标签：#操作系统、#进程。");
    expect(message.caption).toContain("常看网站：zhuanlan.zhihu.com。");
  });

  it("answers a user without links in words, not with an empty chart", async () => {
    const newcomer = chatSession(harness, { id: 4103, first_name: "Neo", language_code: "en" });
    const since = harness.emulator.mark();
    expect((await newcomer.command("/stats", /No links yet/)).text).toContain("Send me a link");
    expect(harness.emulator.callsOf("sendPhoto", since)).toEqual([]);
  });
});
