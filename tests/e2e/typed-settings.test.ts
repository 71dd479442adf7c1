import { englishDay } from "../support/dates.js";
import { describe, expect, it } from "vitest";
import { appHarness } from "../support/harness.js";
import { chatSession } from "../support/chat-session.js";
import { databaseFile } from "../support/bot-process.js";
import { buttonsOf } from "../support/chat.js";

/** /timezone, /today and /digest read what people type, in English and Chinese, end to end through the emulator. */
describe("settings and days as people type them, end to end", () => {
  const harness = appHarness();
  const ada = chatSession(harness, { id: 4101, first_name: "Ada" });
  const li = chatSession(harness, { id: 4102, first_name: "李雷", language_code: "zh-hans" });
  const { all: sql } = databaseFile(() => harness.databasePath);
  const zoneOf = (id: number) => sql<{ time_zone: string }>("select time_zone from users where id = ?", id)[0]?.time_zone;

  it("sets a zone from a city, an offset or a Chinese name", async () => {
    expect((await ada.command("/timezone Beijing")).text).toContain("Time zone set to Asia/Shanghai");
    expect(zoneOf(4101)).toBe("Asia/Shanghai");
    expect((await ada.command("/timezone UTC+5:30")).text).toContain("Time zone set to Asia/Kolkata");
    expect((await ada.command("/timezone 东京")).text).toContain("Time zone set to Asia/Tokyo");
    expect(zoneOf(4101)).toBe("Asia/Tokyo");
    expect((await ada.command("/timezone Atlantis")).text).toContain("not a time zone I know");
    expect(zoneOf(4101)).toBe("Asia/Tokyo");
  });

  it("answers a country over several zones with a button for each, and sets the one pressed", async () => {
    const question = await ada.command("/timezone USA");
    expect(question.text).toContain("“USA” covers several time zones");
    const labels = buttonsOf(question).map((b) => b.text);
    expect(labels[0]).toMatch(/^America\/New_York · GMT-[45]$/);
    expect(labels).toHaveLength(6);
    const answered = await ada.press(question, /^America\/Chicago/);
    expect(answered.text).toContain("Time zone set to America/Chicago");
    expect(zoneOf(4101)).toBe("America/Chicago");
  });

  it("asks in Chinese for a Chinese user, and refuses a forged zone in a button", async () => {
    const question = await li.command("/timezone 美国");
    expect(question.text).toContain("“美国”横跨好几个时区");
    for (const forged of ["tz:Mars/Olympus", "tz:Europe/Kiev", "tz:Asia"]) {
      const since = harness.emulator.mark();
      li.user().press(question, forged);
      const answer = await harness.emulator.waitForCall("answerCallbackQuery", undefined, { since });
      expect(answer.payload.text).toContain("这个按钮对应的时区我不认识");
    }
    expect(zoneOf(4102)).not.toBe("Europe/Kiev");
  });

  it("reads /today 昨天, /today monday and /today 3天前", async () => {
    await ada.command("/timezone UTC");
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const heading = (days: number) => englishDay(daysAgo(days), daysAgo(0));
    expect((await ada.command("/today 昨天", /📅/)).text).toContain(heading(1));
    expect((await ada.command("/today yesterday", /📅/)).text).toContain(heading(1));
    expect((await ada.command("/today 3天前", /📅/)).text).toContain(heading(3));
    // The last Monday before today, never today itself.
    const sinceMonday = (new Date().getUTCDay() + 6) % 7 || 7;
    expect((await ada.command("/today monday", /📅/)).text).toContain(heading(sinceMonday));
    expect((await ada.command("/today someday")).text).toContain("not a day I know");
  });

  it("reads /digest 9pm, /digest 9 pm and /digest 晚上9点半", async () => {
    expect((await ada.command("/digest 9pm")).text).toContain("every day at 21:00");
    expect((await ada.command("/digest 7 am")).text).toContain("every day at 07:00");
    expect((await ada.command("/digest 晚上9点半")).text).toContain("every day at 21:30");
    expect(sql("select digest_minute from users where id = 4101")).toEqual([{ digest_minute: 21 * 60 + 30 }]);
    expect((await ada.command("/digest 25:00")).text).toContain("I do not understand “25:00”");
  });
});
