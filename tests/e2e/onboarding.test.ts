import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { readDatabase } from "../support/bot-process.js";
import { button, nextEdit, nextMessage } from "../support/chat.js";
import { appHarness } from "../support/harness.js";

/** First contact as a new user has it: no DEFAULT_TIMEZONE configured, so nobody chose a zone yet. */
describe("a first contact that sets things up", () => {
  const harness = appHarness();
  const zoneOf = (id: number) =>
    readDatabase(harness.databasePath).get<{ time_zone: string; time_zone_chosen: number }>("select time_zone, time_zone_chosen from users where id = ?", id);

  async function send(id: number, act: () => Message | void, text?: RegExp): Promise<Message> {
    const since = harness.emulator.mark();
    act();
    return await nextMessage(harness.emulator, id, since, text);
  }

  it("greets in three lines and asks for the zone with likely cities, the location and Other…, promising no digest yet", async () => {
    const ada = harness.emulator.user({ id: 11, first_name: "Ada", language_code: "en" });
    const greeting = await send(11, () => ada.command("/start"));
    expect(greeting.text).toMatch(/^Hi Ada! I keep your study log of links\./);
    expect(greeting.text).toContain("Which time zone are you in?");
    expect(greeting.text).not.toMatch(/every day|08:00/);
    const keyboard = harness.emulator.keyboard(11)!;
    const labels = keyboard.keyboard.flat().map((button) => (typeof button === "string" ? button : button.text));
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/^🕗 London · GMT/), "📍 Send my location", "Other…"]));
    expect(keyboard.keyboard.flat().find((button) => typeof button !== "string" && "request_location" in button)).toMatchObject({ request_location: true });
    expect(zoneOf(11)).toEqual({ time_zone: "UTC", time_zone_chosen: 0 });

    const digest = await send(11, () => ada.command("/digest 9pm"));
    expect(digest.text).toContain("every day at 21:00 (your time zone, not set yet: /timezone)");
    const other = await send(11, () => ada.sendText("Other…"));
    expect(other.text).toContain("/timezone Berlin");
    expect(harness.emulator.keyboard(11)).toBeNull();
  });

  it("takes a tapped city: the zone, the local time there and when the digest comes, and the keyboard goes away", async () => {
    const bo = harness.emulator.user({ id: 12, first_name: "Bo", language_code: "en" });
    await send(12, () => bo.command("/start"));
    const london = harness.emulator
      .keyboard(12)!
      .keyboard.flat()
      .map((button) => (typeof button === "string" ? button : button.text))
      .find((label) => label.includes("London"))!;
    const chosen = await send(12, () => bo.sendText(london));
    expect(chosen.text).toMatch(/^🕗 Time zone set to Europe\/London, \d\d:\d\d there now\. Your next digest comes (today|tomorrow) at 08:00\.$/);
    expect(harness.emulator.keyboard(12)).toBeNull();
    expect(zoneOf(12)).toEqual({ time_zone: "Europe/London", time_zone_chosen: 1 });

    const again = await send(12, () => bo.command("/start"));
    expect(again.text).toContain("Time zone Europe/London");
    expect(again.text).toContain("Your digest comes every day at 08:00");
    expect(harness.emulator.keyboard(12)).toBeNull();
  });

  it("takes a shared location", async () => {
    const chen = harness.emulator.user({ id: 13, first_name: "晨", language_code: "en" });
    await send(13, () => chen.command("/start"));
    const forwarded = await send(13, () =>
      chen.sendText("", {
        text: undefined,
        location: { latitude: 52.52, longitude: 13.4 },
        forward_origin: { type: "hidden_user", date: 0, sender_user_name: "A friend" },
      }),
    );
    expect(forwarded.text).not.toContain("Time zone set");
    expect(zoneOf(13)?.time_zone_chosen).toBe(0);
    const chosen = await send(13, () => chen.sendLocation(31.23, 121.47));
    expect(chosen.text).toContain("Time zone set to Asia/Shanghai");
    expect(zoneOf(13)?.time_zone).toBe("Asia/Shanghai");
  });

  it("greets a zh-hans user in Chinese, with cities named in Chinese", async () => {
    const lin = harness.emulator.user({ id: 15, first_name: "林", language_code: "zh-hans" });
    const greeting = await send(15, () => lin.command("/start"));
    expect(greeting.text).toMatch(/^你好，林！我帮你记录学习用的链接。/);
    expect(greeting.text).toContain("你在哪个时区？");
    const labels = harness.emulator
      .keyboard(15)!
      .keyboard.flat()
      .map((b) => (typeof b === "string" ? b : b.text));
    expect(labels).toEqual(["🕗 上海 · GMT+8", "🕗 香港 · GMT+8", "🕗 台北 · GMT+8", "🕗 新加坡 · GMT+8", "📍 发送我的位置", "其他…"]);
    const chosen = await send(15, () => lin.sendText("🕗 上海 · GMT+8"));
    expect(chosen.text).toMatch(/^🕗 时区已设为 Asia\/Shanghai，当地现在 \d\d:\d\d。下一份摘要(今天|明天) 08:00 送到。$/);
  });

  it("switches language with /language and remembers it, whatever the app's language", async () => {
    const sam = harness.emulator.user({ id: 16, first_name: "Sam", language_code: "en" });
    const choose = await send(16, () => sam.command("/language"));
    expect(choose.text).toBe("Which language should I write in?");
    expect(choose.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["✓ English", "中文"]);
    const since = harness.emulator.mark();
    sam.press(choose, button(choose, "中文").callback_data);
    const switched = await nextEdit(harness.emulator, choose, since);
    expect(switched.text).toBe("以后我会用中文回复。");
    expect(switched.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(["English", "✓ 中文"]);
    expect((await send(16, () => sam.command("/help"))).text).toContain("/language：English 或中文");
  });

  it("sends no digest to a user who has not chosen a zone", async () => {
    const dee = harness.emulator.user({ id: 14, first_name: "Dee", language_code: "en" });
    await send(14, () => dee.command("/start"));
    readDatabase(harness.databasePath, { writable: true }).run("update users set digest_next_at = 0 where id = 14");
    const since = harness.emulator.mark();
    await harness.bot.app.digest.tick();
    expect(harness.emulator.callsOf("sendMessage", since).filter((call) => Number(call.payload.chat_id) === 14)).toEqual([]);
  });

  it("tells Telegram its menu, description and short description in each language, and only once", async () => {
    for (const method of ["setMyCommands", "setMyDescription", "setMyShortDescription"]) {
      const calls = harness.emulator.callsOf(method);
      expect(calls.map((call) => call.payload.language_code ?? "default").sort(), method).toEqual(["default", "zh"]);
    }
    const [zhDescription] = harness.emulator.callsOf("setMyDescription").filter((call) => call.payload.language_code === "zh");
    expect(zhDescription!.payload.description).toContain("帮你记录学习用的链接");
  });
});
