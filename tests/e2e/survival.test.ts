import type { Update } from "@grammyjs/types";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { generateLog } from "../../bench/import-speed.js";
import { databaseFile, eventually, startBot } from "../support/bot-process.js";
import { button, nextMessage, TAG_QUESTION } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { botHarness } from "../support/harness.js";

/** Hard kills, a locked database and malformed updates: the bot comes back whole and keeps serving. */
describe("surviving faults", () => {
  // A short lease, so that the update in flight at a kill is taken up again within seconds of the restart.
  const env = { INBOX_LEASE_SECONDS: "3" };
  const harness = botHarness(env);
  const { user } = chatSession(harness, { id: 9601, first_name: "Ada" });
  const { all: sql } = databaseFile(() => harness.databasePath);

  it("a SIGKILL in the middle of a large import leaves it fully there or fully absent, and the database intact", async () => {
    const file = harness.emulator.addFile(generateLog(30_000), "big.md");
    let since = harness.emulator.mark();
    user().sendCaptioned("document", "", { document: { ...file, file_name: "big.md", mime_type: "text/markdown" } });
    const preview = await nextMessage(harness.emulator, 9601, since, /Links: 30,000/);
    since = harness.emulator.mark();
    user().press(preview, button(preview, "Import").callback_data);
    await harness.emulator.waitForCall("editMessageText", (c) => String(c.payload.text).startsWith("Importing"), { since });
    await harness.bot.stop("SIGKILL");

    const db = new SQLite(harness.databasePath);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const links = (db.prepare("select count(*) as n from links where user_id = 9601").get() as { n: number }).n;
    db.close();
    expect([0, 30_000]).toContain(links);
    harness.bot = await startBot(harness.emulator, harness.databasePath, env);
    // The press in flight at the kill is handled again once its lease has run out; then the chat is free.
    const unfinished = () => sql<{ n: number }>("select count(*) as n from update_inbox where done_at is null")[0]!.n;
    await eventually(() => unfinished() === 0, "the update in flight at the kill to be handled after the restart", 15_000);
  });

  it("waits for a database another process holds locked, then answers", async () => {
    const locker = new SQLite(harness.databasePath);
    locker.exec("begin immediate");
    const since = harness.emulator.mark();
    user().sendText("https://example.org/while-locked");
    // Released after a second, well within the bot's busy timeout of five.
    setTimeout(() => {
      locker.exec("commit");
      locker.close();
    }, 1000);
    await nextMessage(harness.emulator, 9601, since, TAG_QUESTION);
    expect(sql("select count(*) as n from links where url like '%while-locked%'")).toEqual([{ n: 1 }]);
  });

  it("answers an update it cannot handle with an apology, and keeps serving", async () => {
    const since = harness.emulator.mark();
    const from = { id: 9602, is_bot: false, first_name: "Odd" };
    // A text that is a number, with an entity pointing past it: no client sends this, the bot must not fall over.
    const malformed = {
      message_id: 999,
      date: 1,
      chat: { id: 9602, type: "private", first_name: "Odd" },
      from,
      text: 12345,
      entities: [{ type: "url", offset: 0, length: 50 }],
    };
    harness.emulator.pushUpdate({ message: malformed } as unknown as Omit<Update, "update_id">);
    await nextMessage(harness.emulator, 9602, since, /something went wrong/);
    harness.emulator.user({ id: 9602 }).sendText("https://example.org/after-the-broken-one");
    await nextMessage(harness.emulator, 9602, since, TAG_QUESTION);
  });
});
