import type { Message } from "@grammyjs/types";
import { SecondPollerError } from "../../src/telegram/start-up.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { databaseFile, tempDatabasePath } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { startInProcess } from "../support/in-process.js";
import { startWorkerApp } from "../support/worker-app.js";

const USER = 5001;
/** Berlin wall-clock time as an instant (CET is UTC+1, CEST from 29 March UTC+2). */
const berlin = (date: string, time: string, offsetHours: number) => Date.parse(`${date}T${time}:00Z`) - offsetHours * 3_600_000;

describe("daily digest, end to end with a fake clock", () => {
  let emulator: Emulator;
  const database = tempDatabasePath();
  let now = berlin("2026-03-28", "07:00", 1);
  const clock = () => now;
  const running: App[] = [];
  const start = async () => {
    const app = await startInProcess(emulator, database.path, clock, { DEFAULT_TIMEZONE: "Europe/Berlin", TELEGRAM_RETRY_BASE_MS: "5" });
    running.push(app);
    return app;
  };
  const stop = async (app: App) => {
    running.splice(running.indexOf(app), 1);
    await app.stop();
  };
  const user = () => emulator.user({ id: USER, first_name: "Ada" });
  const digestsSince = (since: number) =>
    emulator
      .callsOf("sendMessage", since)
      .filter((c) => c.response.ok && Number(c.payload.chat_id) === USER && String(c.payload.text).includes("Your linklog"));
  const { all: sql, run: execute } = databaseFile(() => database.path);
  async function command(text: string, expected?: RegExp): Promise<Message> {
    const since = emulator.mark();
    user().command(text);
    return await nextMessage(emulator, USER, since, expected);
  }

  let app: App;
  beforeAll(async () => {
    emulator = await startEmulator();
    app = await start();
  });
  afterAll(async () => {
    for (const each of [...running]) await each.stop();
    await emulator.close();
    database.cleanup();
  });

  it("says on /start that the digest is on at 08:00 in the user's zone", async () => {
    const start = (await command("/start")).text;
    expect(start).toContain("Time zone Europe/Berlin");
    expect(start).toContain("Your digest comes every day at 08:00");
    for (const url of ["https://example.org/oldest First saved", "https://example.org/second Second saved"]) {
      let since = emulator.mark();
      user().sendText(url);
      const question = await nextMessage(emulator, USER, since, TAG_QUESTION);
      since = emulator.mark();
      user().press(question, button(question, "Skip").callback_data);
      await nextEdit(emulator, question, since);
    }
    expect((await command("/digest 08:30")).text).toContain("every day at 08:30 (Europe/Berlin)");
    expect((await command("/digest 25:99")).text).toContain("I do not understand “25:99”");
  });

  it("arrives at the set local time and not before", async () => {
    const since = emulator.mark();
    now = berlin("2026-03-28", "08:29", 1);
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(0);

    now = berlin("2026-03-28", "08:30", 1);
    await app.digest.tick();
    const [digest] = digestsSince(since);
    const text = String(digest?.response.result.text);
    expect(text).toContain("Up next");
    expect(text).toContain("First saved");
    expect(text).toContain("2 unread links");
    expect(digest?.payload.link_preview_options).toEqual({ is_disabled: true });
    expect(buttonsOf(digest!.response.result as Message).map((b) => b.text)).toEqual(["✅ 1", "💤 1", "✅ 2", "💤 2"]);

    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(1);
  });

  it("keeps 08:30 local across the change to summer time", async () => {
    const since = emulator.mark();
    now = berlin("2026-03-29", "08:29", 2);
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(0);
    now = berlin("2026-03-29", "08:30", 2);
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(1);
  });

  it("a process that claimed the day and died before sending is not followed by a second digest", async () => {
    // The claim row is what a process writes, in one transaction, just before it sends.
    execute("insert into digest_sends (user_id, local_date, status, claimed_at) values (?, '2026-03-30', 'sending', ?)", USER, now);
    const since = emulator.mark();
    now = berlin("2026-03-30", "08:30", 2);
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(0);
    expect(sql("select digest_next_at from users where id = ?", USER)).toEqual([{ digest_next_at: berlin("2026-03-31", "08:30", 2) }]);
  });

  it("two bot processes on one database send one digest", async () => {
    now = berlin("2026-03-31", "08:30", 2);
    const env = { BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: database.path, DEFAULT_TIMEZONE: "Europe/Berlin" };
    // Telegram serves one getUpdates: the first process is told that another one polls (its scheduler goes on).
    const told = app.failed.catch((error: unknown) => error);
    const second = await startWorkerApp(env, now);
    expect(await told).toBeInstanceOf(SecondPollerError);
    try {
      const since = emulator.mark();
      await Promise.all([app.digest.tick(), second.tick(), app.digest.tick(), second.tick()]);
      expect(digestsSince(since)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it("a bot down over the due time sends on return the same day, never the next day", async () => {
    await stop(app);
    now = berlin("2026-04-01", "20:00", 2);
    app = await start();
    let since = emulator.mark();
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(1);

    await stop(app);
    now = berlin("2026-04-03", "07:00", 2);
    app = await start();
    since = emulator.mark();
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(0);
    now = berlin("2026-04-03", "08:30", 2);
    await app.digest.tick();
    expect(String(digestsSince(since)[0]?.payload.text)).toContain("☀️ Your linklog · Fri, Apr 3");
  });

  it("marks read and snoozes from the digest's buttons", async () => {
    const since = emulator.mark();
    now = berlin("2026-04-04", "08:30", 2);
    await app.digest.tick();
    const digest = digestsSince(since)[0]!.response.result as Message;
    let pressed = emulator.mark();
    user().press(digest, button(digest, "💤 1").callback_data);
    // The digest's text changes with its buttons: the item is noted, the unread count said anew.
    const snoozed = (await nextEdit(emulator, digest, pressed, /💤 snoozed until Apr 11/)) as Message;
    expect(buttonsOf(snoozed).map((b) => b.text)).toEqual(["✅ 2", "💤 2"]);
    pressed = emulator.mark();
    user().press(snoozed, button(snoozed, "✅ 2").callback_data);
    expect((await nextEdit(emulator, digest, pressed, /✅ read/)).text).toContain("📚 1 unread link · /unread");
    expect(sql("select url, read_at is not null as read, coalesce(digest_snoozed_until, 0) > 0 as snoozed from links order by id")).toEqual([
      { url: "https://example.org/oldest", read: 0, snoozed: 1 },
      { url: "https://example.org/second", read: 1, snoozed: 0 },
    ]);
  });

  it("previews with /digest now and changes size, off and on", async () => {
    expect((await command("/digest now")).text).toContain("Your linklog");
    expect((await command("/digest size 1")).text).toContain("proposes 1 unread link,");
    expect((await command("/digest off")).text).toContain("is off");
    expect(sql("select digest_enabled from users where id = ?", USER)).toEqual([{ digest_enabled: 0 }]);
    const since = emulator.mark();
    now = berlin("2026-04-05", "08:30", 2);
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(0);
    expect((await command("/digest on")).text).toContain("is <b>on</b>".replace(/<\/?b>/g, ""));
  });

  it("retries a digest that failed for a passing reason later the same day, once", async () => {
    await command("/digest on");
    execute("update links set read_at = null, digest_snoozed_until = null");
    now = berlin("2026-04-05", "21:00", 2);
    await app.digest.tick();
    // Each send is tried four times below the bot (the retrying fetch) before the digest is put off.
    emulator.failNext("sendMessage", { drop: true }, 4);
    const since = emulator.mark();
    now = berlin("2026-04-06", "08:30", 2);
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(0);
    expect(sql("select status, attempts from digest_sends where user_id = ? and local_date = '2026-04-06'", USER)).toEqual([{ status: "retry", attempts: 1 }]);

    now = berlin("2026-04-06", "08:30", 2) + 59_000;
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(0);
    now = berlin("2026-04-06", "08:31", 2);
    await app.digest.tick();
    await app.digest.tick();
    expect(digestsSince(since)).toHaveLength(1);
    expect(sql("select status, attempts from digest_sends where user_id = ? and local_date = '2026-04-06'", USER)).toEqual([{ status: "sent", attempts: 2 }]);
  });

  it("stops the digest of a user who blocked the bot (403)", async () => {
    now = berlin("2026-04-07", "08:30", 2);
    emulator.failNext("sendMessage", { status: 403 });
    await app.digest.tick();
    expect(sql("select digest_enabled from users where id = ?", USER)).toEqual([{ digest_enabled: 0 }]);
    expect(sql("select status from digest_sends where user_id = ? and local_date = '2026-04-07'", USER)).toEqual([{ status: "failed" }]);
  });
});
