import { describe, expect, it } from "vitest";
import { appHarness } from "../support/harness.js";
import { readDatabase } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";

/** How capture behaves around an open tag question, albums, captions and messages without links. */
describe("capture turns, end to end", () => {
  const harness = appHarness();
  let nextUserId = 3000;
  const newUser = () => harness.emulator.user({ id: ++nextUserId });

  /** Moves the user's questions back in time, as if the next message came a while later. */
  const backdateQuestions = (userId: number) => {
    const write = readDatabase(harness.databasePath, { writable: true });
    write.run("update tag_questions set touched_at = touched_at - 60000 where user_id = ?", userId);
    write.close();
  };

  const urlsOf = (userId: number) => {
    const read = readDatabase(harness.databasePath);
    const rows = read.all<{ url: string }>("select url from links where user_id = ? order by id", userId);
    read.close();
    return rows.map((row) => row.url);
  };

  it("saves a link sent while a question is open and asks about it in its own turn", async () => {
    const user = newUser();
    let since = harness.emulator.mark();
    user.sendText("https://example.org/first");
    const first = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    // Sent a while later, not in the same burst.
    backdateQuestions(user.id);

    since = harness.emulator.mark();
    user.sendText("https://example.org/second");
    await nextMessage(harness.emulator, user.id, since, /I will ask for its tags right after/);
    expect(urlsOf(user.id)).toEqual(["https://example.org/first", "https://example.org/second"]);

    since = harness.emulator.mark();
    user.sendText("one");
    await nextEdit(harness.emulator, first, since, /Tags: #one/);
    const second = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    expect(second.text).toContain("example.org › second");
    expect(second.text).not.toContain("example.org › first");

    since = harness.emulator.mark();
    user.sendText("two");
    await nextEdit(harness.emulator, second, since, /Tags: #two/);
  });

  it("treats an album as one save with one question, wherever its caption is", async () => {
    const user = newUser();
    const since = harness.emulator.mark();
    user.sendCaptioned("photo", "", { media_group_id: "album-1" });
    user.sendCaptioned("photo", "Slides https://example.org/slides and https://example.org/code", { media_group_id: "album-1" });
    user.sendCaptioned("photo", "", { media_group_id: "album-1" });
    const question = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    expect(question.text).toContain("Saved 2 links");

    const answered = harness.emulator.mark();
    user.press(question, button(question, "Skip").callback_data);
    await nextEdit(harness.emulator, question, answered, /no tags/);
    const sentToUser = harness.emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) === user.id);
    expect(sentToUser).toHaveLength(1);
    expect(urlsOf(user.id)).toEqual(["https://example.org/slides", "https://example.org/code"]);
  });

  it("saves a link from a video caption with the caption line as its title", async () => {
    const user = newUser();
    const since = harness.emulator.mark();
    user.sendCaptioned("video", "Talk: https://example.org/talk Scheduling in the BEAM 🎥");
    const question = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    expect(question.text).toContain("Scheduling in the BEAM 🎥");
  });

  it("answers a message without links with a hint instead of silence", async () => {
    const user = newUser();
    const since = harness.emulator.mark();
    user.sendText("just some words, no address");
    await nextMessage(harness.emulator, user.id, since, /found no links/);
    expect(urlsOf(user.id)).toEqual([]);
  });

  it("/cancel closes the open question and keeps the link", async () => {
    const user = newUser();
    let since = harness.emulator.mark();
    user.sendText("https://example.org/kept");
    const question = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    since = harness.emulator.mark();
    user.command("/cancel");
    await nextMessage(harness.emulator, user.id, since, /Cancelled/);
    const closed = await nextEdit(harness.emulator, question, since, /Saved · no tags/);
    expect(buttonsOf(closed).map((b) => b.text)).toEqual(["🏷 Tag"]);

    // With no question open, a typed word is offered as tags for the link just saved, never met with "no links".
    since = harness.emulator.mark();
    user.sendText("elixir");
    const offer = await nextMessage(harness.emulator, user.id, since, /Tag .*example\.org › kept.* with #elixir\?/);
    expect(buttonsOf(offer).map((b) => b.text)).toEqual(["Yes", "No"]);
    expect(urlsOf(user.id)).toEqual(["https://example.org/kept"]);
  });
});
