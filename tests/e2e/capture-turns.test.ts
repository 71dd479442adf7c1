import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/emulator/index.js";
import { readDatabase, startBot, tempDatabasePath, type BotProcess } from "../support/bot-process.js";
import { button, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";

/** How capture behaves around an open tag question, albums, captions and messages without links. */
describe("capture turns, end to end", () => {
  let emulator: Emulator;
  let bot: BotProcess;
  const database = tempDatabasePath();
  let nextUserId = 3000;
  const newUser = () => emulator.user({ id: ++nextUserId });

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = await startBot(emulator, database.path);
  });
  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
    database.cleanup();
  });

  const urlsOf = (userId: number) => {
    const read = readDatabase(database.path);
    const rows = read.all<{ url: string }>("select url from links where user_id = ? order by id", userId);
    read.close();
    return rows.map((row) => row.url);
  };

  it("saves a link sent while a question is open and asks about it in its own turn", async () => {
    const user = newUser();
    let since = emulator.mark();
    user.sendText("https://example.org/first");
    const first = await nextMessage(emulator, user.id, since, TAG_QUESTION);

    since = emulator.mark();
    user.sendText("https://example.org/second");
    await nextMessage(emulator, user.id, since, /I will ask for its tags right after/);
    expect(urlsOf(user.id)).toEqual(["https://example.org/first", "https://example.org/second"]);

    since = emulator.mark();
    user.sendText("one");
    await nextEdit(emulator, first, since, /Tags: #one/);
    const second = await nextMessage(emulator, user.id, since, TAG_QUESTION);
    expect(second.text).toContain("example.org/second");
    expect(second.text).not.toContain("example.org/first");

    since = emulator.mark();
    user.sendText("two");
    await nextEdit(emulator, second, since, /Tags: #two/);
  });

  it("treats an album as one save with one question, wherever its caption is", async () => {
    const user = newUser();
    const since = emulator.mark();
    user.sendCaptioned("photo", "", { media_group_id: "album-1" });
    user.sendCaptioned("photo", "Slides https://example.org/slides and https://example.org/code", { media_group_id: "album-1" });
    user.sendCaptioned("photo", "", { media_group_id: "album-1" });
    const question = await nextMessage(emulator, user.id, since, TAG_QUESTION);
    expect(question.text).toContain("Saved 2 links");

    const answered = emulator.mark();
    user.press(question, button(question, "Skip").callback_data);
    await nextEdit(emulator, question, answered, /Tags: none/);
    const sentToUser = emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) === user.id);
    expect(sentToUser).toHaveLength(1);
    expect(urlsOf(user.id)).toEqual(["https://example.org/slides", "https://example.org/code"]);
  });

  it("saves a link from a video caption with the caption line as its title", async () => {
    const user = newUser();
    const since = emulator.mark();
    user.sendCaptioned("video", "Talk: https://example.org/talk Scheduling in the BEAM 🎥");
    const question = await nextMessage(emulator, user.id, since, TAG_QUESTION);
    expect(question.text).toContain("Scheduling in the BEAM 🎥");
  });

  it("answers a message without links with a hint instead of silence", async () => {
    const user = newUser();
    const since = emulator.mark();
    user.sendText("just some words, no address");
    await nextMessage(emulator, user.id, since, /found no links/);
    expect(urlsOf(user.id)).toEqual([]);
  });

  it("/cancel closes the open question and keeps the link", async () => {
    const user = newUser();
    let since = emulator.mark();
    user.sendText("https://example.org/kept");
    await nextMessage(emulator, user.id, since, TAG_QUESTION);
    since = emulator.mark();
    user.command("/cancel");
    await nextMessage(emulator, user.id, since, /Cancelled/);

    // With no question open, a typed word is no longer taken as tags.
    since = emulator.mark();
    user.sendText("elixir");
    await nextMessage(emulator, user.id, since, /found no links/);
    expect(urlsOf(user.id)).toEqual(["https://example.org/kept"]);
  });
});
