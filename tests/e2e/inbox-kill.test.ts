import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator, type RecordedCall } from "../../src/emulator/index.js";
import { databaseFile, eventually, startBot, tempDatabasePath, type BotProcess } from "../support/bot-process.js";
import { nextMessage } from "../support/chat.js";

const USER = 9701;
// A short lease, so that the restarted bot takes up the update of the killed one within seconds.
const ENV = { INBOX_LEASE_SECONDS: "2" };

/**
 * Issue 19: an update is in the inbox before its offset is confirmed, so a SIGKILL while it is being handled loses
 * nothing: the restarted bot handles it again once the dead process's lease has run out.
 */
describe("a SIGKILL while an update is being handled", () => {
  let emulator: Emulator;
  let bot: BotProcess | undefined;
  const database = tempDatabasePath();
  const { all: sql } = databaseFile(() => database.path);

  const answersTo = (chatId: number) => emulator.callsOf("sendMessage").filter((call) => call.response.ok && Number(call.payload.chat_id) === chatId);

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await bot?.stop();
    await emulator.close();
    database.cleanup();
  });

  it("is answered after the restart, exactly once when the first answer never reached Telegram", async () => {
    const first = (bot = await startBot(emulator, database.path, ENV));
    // The answer's connection drops, and the process dies the moment Telegram sees it go: the handling is in flight.
    emulator.failNext("sendMessage", { drop: true, chatId: USER });
    const killed = emulator.waitForCall(
      "sendMessage",
      (call: RecordedCall) => {
        if (Number(call.payload.chat_id) !== USER) return false;
        first.process.kill("SIGKILL");
        return true;
      },
      { timeoutMs: 10_000 },
    );
    emulator.user({ id: USER }).sendText("https://example.org/in-flight");
    expect((await killed).response.ok).toBe(false);
    expect(await first.exited).toBe("SIGKILL");
    expect(answersTo(USER)).toEqual([]);
    expect(sql("select done_at, claimed_by is not null as claimed from update_inbox")).toEqual([{ done_at: null, claimed: 1 }]);

    const since = emulator.mark();
    bot = await startBot(emulator, database.path, ENV);
    // The first handling saved the link before its answer was lost; handled again, the save is a no-op that says so.
    await nextMessage(emulator, USER, since, /Already saved/);
    await eventually(() => sql<{ n: number }>("select count(*) as n from update_inbox where done_at is null")[0]!.n === 0, "the update to be marked done");
    expect(answersTo(USER)).toHaveLength(1);
    expect(sql("select url from links where user_id = ?", USER)).toEqual([{ url: "https://example.org/in-flight" }]);
  });
});
