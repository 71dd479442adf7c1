import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { readDatabase, tempDatabasePath } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";
import { startAppInProcess, type InProcessBot } from "../support/in-process.js";

describe("users and their data", () => {
  let emulator: Emulator;
  let bot: InProcessBot;
  let database: ReturnType<typeof tempDatabasePath>;

  beforeEach(() => {
    database = tempDatabasePath();
  });
  afterEach(async () => {
    await bot?.stop();
    await emulator?.close();
    database.cleanup();
  });

  it("a second user sees none of the first user's links or tags", async () => {
    emulator = await startEmulator();
    bot = await startAppInProcess(emulator, database.path);
    const ada = emulator.user({ id: 1, first_name: "Ada" });
    const bob = emulator.user({ id: 2, first_name: "Bob" });

    let since = emulator.mark();
    ada.sendText("https://example.org/shared");
    const adaQuestion = await nextMessage(emulator, 1, since, TAG_QUESTION);
    since = emulator.mark();
    ada.sendText("private-tag");
    await nextEdit(emulator, adaQuestion, since, /#private-tag/);

    since = emulator.mark();
    bob.sendText("https://example.org/shared");
    const bobQuestion = await nextMessage(emulator, 2, since, TAG_QUESTION);
    expect(bobQuestion.text).not.toContain("Already saved");
    expect(buttonsOf(bobQuestion).map((b) => b.text)).toEqual(["Skip", "Done"]);

    // Bob forges the Re-tag button of Ada's link.
    const read = readDatabase(database.path);
    const adaLink = read.get<{ id: number }>("select id from links where user_id = 1")!;
    since = emulator.mark();
    bob.press(bobQuestion, button(bobQuestion, "Skip").callback_data);
    await nextEdit(emulator, bobQuestion, since);
    since = emulator.mark();
    bob.press(bobQuestion, `retag:${adaLink.id}`);
    const answer = await emulator.waitForCall("answerCallbackQuery", undefined, { since });
    expect(answer.payload.text).toContain("not in your log");
    expect(emulator.callsOf("sendMessage", since)).toEqual([]);
    expect(read.all("select user_id, count(*) as n from links group by user_id")).toEqual([
      { user_id: 1, n: 1 },
      { user_id: 2, n: 1 },
    ]);
    read.close();
  });

  it("refuses users outside ALLOWED_USER_IDS politely and stores nothing about them", async () => {
    emulator = await startEmulator();
    bot = await startAppInProcess(emulator, database.path, { ALLOWED_USER_IDS: "1" });
    const since = emulator.mark();
    emulator.user({ id: 666 }).sendText("https://example.org/intruder");
    const refusal = await nextMessage(emulator, 666, since);
    expect(refusal.text).toContain("this linklog is private");
    expect(refusal.text).toContain("666");

    const allowed = emulator.mark();
    emulator.user({ id: 1 }).sendText("https://example.org/owner");
    await nextMessage(emulator, 1, allowed, TAG_QUESTION);
    const read = readDatabase(database.path);
    expect(read.all("select id from users")).toEqual([{ id: 1 }]);
    expect(read.all("select url from links")).toEqual([{ url: "https://example.org/owner" }]);
    read.close();
  });
});
