import type { Message } from "@grammyjs/types";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseFile } from "../support/bot-process.js";
import { button, buttonsOf, nextMessage } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { englishDay } from "../support/dates.js";
import { appHarness } from "../support/harness.js";

const USER = 8101;
const RUST = "https://example.org/rust-book";
const ELIXIR = "https://example.org/elixir-otp";

/** Commands as people type them on a phone (capitals, typos, words without "#"), and refusals that say what would work. */
describe("commands as people type them, end to end", () => {
  const harness = appHarness();
  const { user, save, command } = chatSession(harness, { id: USER, first_name: "Ada" });
  const { all: sql } = databaseFile(() => harness.databasePath);

  beforeAll(async () => {
    await save(`${ELIXIR} OTP design principles`, "elixir");
    await save(`${RUST} The Rust book`, "rust 机器学习");
    await command("/note Ownership is the key idea", /Note added/);
  });

  /** Presses a button under a message and waits for the bot's next message (matching `answer`). */
  async function pressFor(message: Message, label: string, answer: RegExp): Promise<Message> {
    const since = harness.emulator.mark();
    user().press(message, button(message, label).callback_data);
    return await nextMessage(harness.emulator, USER, since, answer);
  }

  it("takes /Unread, /UNREAD, /Unread@bot and /Today with a date like the lower-case commands", async () => {
    for (const typed of ["/Unread", "/UNREAD", "/Unread@linklog_test_bot", "/unread@LinkLog_Test_Bot"]) {
      const list = await command(typed, /Unread: 2/);
      expect(list.text, typed).toContain("The Rust book");
    }
    expect((await command("/Unread Oldest", /Unread: 2/)).text).toContain("Oldest first");
    expect((await command("/Today 2026-12-01")).text).toContain(englishDay("2026-12-01", new Date().toISOString().slice(0, 10)));
    expect((await command("/HELP")).text).toContain("keeps your links");
  });

  it("suggests /unread for /unrea rust, and its button runs /unread rust", async () => {
    const suggestion = await command("/unrea rust", /Did you mean/);
    expect(suggestion.text).toBe("Did you mean /unread rust?");
    expect(suggestion.reply_to_message?.text).toBe("/unrea rust");
    const since = harness.emulator.mark();
    const list = await pressFor(suggestion, "▶️ /unread rust", /Unread: 1/);
    expect(list.text).toContain("The Rust book");
    expect(list.text).not.toContain("OTP design principles");
    // The button is gone, so the command runs once.
    const edit = await harness.emulator.waitForCall("editMessageReplyMarkup", (c) => c.response.ok, { since });
    expect(Number(edit.payload.message_id)).toBe(suggestion.message_id);
    expect(buttonsOf(edit.response.result as Message)).toEqual([]);
  });

  it("suggests /search for /serach, /tags for /tgas and /note for /nte, each with what was typed after it", async () => {
    const search = await command("/serach rust", /Did you mean/);
    expect(search.text).toBe("Did you mean /search rust?");
    expect((await pressFor(search, "▶️ /search rust", /1 link/)).text).toContain("The Rust book");

    const tags = await command("/tgas", /Did you mean/);
    expect(tags.text).toBe("Did you mean /tags?");
    expect((await pressFor(tags, "▶️ /tags", /Your tags/)).text).toContain("#机器学习");

    const note = await command("/nte 借用检查 matters", /Did you mean/);
    await pressFor(note, "▶️ /note 借用检查 matters", /Note added to .*The Rust book/);
    expect(sql("select text from notes where user_id = ? and captured = 0 order by id", USER)).toEqual([
      { text: "Ownership is the key idea" },
      { text: "借用检查 matters" },
    ]);
  });

  it("offers no button for an argument too long to fit one, and answers a word close to no command as before", async () => {
    const long = await command(`/serach ${"共识算法".repeat(6)}`, /Did you mean/);
    expect(long.text).toContain("too long for a button");
    expect(buttonsOf(long)).toEqual([]);
    expect((await command("/xyzzy")).text).toContain("I do not know that command");
  });

  it("refuses a forged suggestion button for a command it does not know", async () => {
    const suggestion = await command("/tgas", /Did you mean/);
    const since = harness.emulator.mark();
    user().press(suggestion, "run:deleteall");
    const answer = await harness.emulator.waitForCall("answerCallbackQuery", undefined, { since });
    expect(answer.payload.text).toContain("old message");
    expect(harness.emulator.callsOf("sendMessage", since)).toEqual([]);
  });

  it("takes bare words as tags where a tag is expected, and keeps the words that mean something", async () => {
    expect((await command("/unread rust", /Unread: 1/)).text).toContain("The Rust book");
    expect((await command("/unread 机器学习", /Unread: 1/)).text).toContain("The Rust book");
    expect((await command("/unread Elixir oldest", /Unread: 1/)).text).toContain("Oldest first");
    expect((await command("/queue rust", /Reading queue: 1/)).text).toContain("The Rust book");
    const rust = await command("/notes rust all", /notes? on 1 link/);
    expect(rust.text).toContain("Ownership is the key idea");
    expect(rust.text).not.toContain("OTP design principles");
    const elixir = await command("/notes Elixir week", /notes? on 1 link/);
    expect(elixir.text).toContain("OTP design principles");
    expect(elixir.text).not.toContain("Ownership is the key idea");
    expect((await command("/notes 2026-13")).text).toContain("I do not understand “2026-13”");
  });

  it("exports with /export markdown, /export MD, /export HTML and /export bookmarks", async () => {
    for (const [word, extension] of [
      ["markdown", "md"],
      ["MD", "md"],
      ["HTML", "html"],
      ["bookmarks", "html"],
      ["Json", "json"],
    ]) {
      const since = harness.emulator.mark();
      user().command(`/export ${word}`);
      const call = await harness.emulator.waitForCall("sendDocument", (c) => c.response.ok, { since });
      expect((call.response.result as Message).document?.file_name, word).toMatch(new RegExp(`^linklog-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
    }
  });

  it("says a typed link number is in no list, and what size a digest can have", async () => {
    expect((await command("/link 99999")).text).toBe("No link 99999 in your log. Your lists (/unread, /search) show each link's number.");
    expect((await command("/link_99999")).text).toContain("No link 99999 in your log.");
    expect((await command("/digest size 20")).text).toBe("A digest proposes 1 to 10 links. Try /digest size 5.");
    expect((await command("/digest size")).text).toContain("1 to 10 links");
  });

  it("tells a sticker, a voice message and a photo without caption what it can do, not that it found no links", async () => {
    const sent = [
      () =>
        user().sendCaptioned("photo", "", {
          photo: undefined,
          sticker: { file_id: "st", file_unique_id: "st-u", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
        }),
      () => user().sendCaptioned("photo", "", { photo: undefined, voice: { file_id: "vo", file_unique_id: "vo-u", duration: 3 } }),
      () => user().sendCaptioned("photo", ""),
    ];
    for (const [send, kind] of [
      [sent[0]!, "sticker"],
      [sent[1]!, "voice message"],
      [sent[2]!, "photo"],
    ] as const) {
      const since = harness.emulator.mark();
      send();
      const answer = await nextMessage(harness.emulator, USER, since);
      expect(answer.text).toContain(`I save links, and that ${kind} has none.`);
      expect(answer.text).toContain("a photo, video or file with a link in its caption");
      expect(answer.text).toContain(".md, .markdown, .txt, .html, .htm, .csv, .json, .zip");
      expect(answer.text).not.toContain("found no links");
    }
  });

  it("tells a PDF that is no export which files it imports, and still imports an export", async () => {
    let since = harness.emulator.mark();
    user().sendCaptioned("document", "");
    const answer = await nextMessage(harness.emulator, USER, since);
    expect(answer.text).toContain("I cannot import paper.pdf");
    expect(answer.text).toContain("put the link in its caption");

    const file = harness.emulator.addFile("## 2026-11-20\nhttps://example.org/imported Imported page\n", "log.md");
    since = harness.emulator.mark();
    user().sendCaptioned("document", "", { document: { ...file, file_name: "log.md", mime_type: "text/markdown" } });
    expect((await nextMessage(harness.emulator, USER, since)).text).toContain("log.md (markdown log)");
  });

  it("says why a reply to the help message is no note, and how to add one", async () => {
    const help = await command("/help");
    const since = harness.emulator.mark();
    user().reply(help, "remember to read more");
    const answer = await nextMessage(harness.emulator, USER, since);
    expect(answer.text).toContain("Your reply was not saved as a note");
    expect(answer.text).toContain("/note your text");
    expect(sql("select count(*) as n from notes where text = 'remember to read more'")).toEqual([{ n: 0 }]);
  });
});
