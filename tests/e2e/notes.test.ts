import type { Message } from "@grammyjs/types";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { eventually, readDatabase } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, SETTLED, TAG_QUESTION } from "../support/chat.js";
import { appHarness } from "../support/harness.js";

const RUST = "https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html";
const ELIXIR = "https://hexdocs.pm/elixir/GenServer.html";
const NOTE_ADDED = /Note added to/;
// Matched against the HTML the bot sends: the counts line of a /notes page.
const SUMMARY = /\n\d+ notes? on \d+ links?\n/;
const CHINESE_NOTE = "进程与线程的区别 🧵\n  缩进保留：第二行 ✅\n\n最后一行 😀";

interface StoredNote {
  id: number;
  user_id: number;
  link_id: number;
  text: string;
}

describe("notes, end to end through the Bot API emulator", () => {
  const harness = appHarness();
  const ada = () => harness.emulator.user({ id: 1001, first_name: "Ada" });
  const bob = () => harness.emulator.user({ id: 2002, first_name: "Bob" });

  /** Sends a message with links, answers the tag question (typed tags or Skip) and returns both messages. */
  async function saveLinks(text: string, tags?: string, user = ada()): Promise<{ original: Message; confirmation: Message }> {
    let since = harness.emulator.mark();
    const original = user.sendText(text);
    const question = await nextMessage(harness.emulator, user.chatId, since, TAG_QUESTION);
    since = harness.emulator.mark();
    if (tags) user.sendText(tags);
    else user.press(question, button(question, "Skip").callback_data);
    return { original, confirmation: await nextEdit(harness.emulator, question, since, SETTLED) };
  }

  /** Sends a command and returns the bot's next message (matching `answer`, in the HTML it was sent as). */
  async function command(text: string, answer?: RegExp, user: EmulatedUser = ada()): Promise<Message> {
    const since = harness.emulator.mark();
    user.command(text);
    return await nextMessage(harness.emulator, user.chatId, since, answer);
  }

  function query<T>(sql: string, ...params: unknown[]): T[] {
    const read = readDatabase(harness.databasePath);
    try {
      return read.all<T>(sql, ...params);
    } finally {
      read.close();
    }
  }
  // Notes the user wrote; the words a link was sent with are kept as notes too, and checked on their own.
  const notesOf = (userId: number) => query<StoredNote>("select id, user_id, link_id, text from notes where user_id = ? and captured = 0 order by id", userId);
  const linkId = (url: string) => query<{ id: number }>("select id from links where url = ?", url)[0]!.id;

  /** Sends a reply and waits for the bot's confirmation of the note it became. */
  async function replyWithNote(to: Message, text: string): Promise<{ reply: Message; confirmation: Message }> {
    const since = harness.emulator.mark();
    const reply = ada().reply(to, text);
    return { reply, confirmation: await nextMessage(harness.emulator, 1001, since, NOTE_ADDED) };
  }

  let rust: { original: Message; confirmation: Message };
  let elixir: { original: Message; confirmation: Message };

  beforeAll(async () => {
    rust = await saveLinks(`${RUST} The Rust Book <ownership> & more`, "rust");
    elixir = await saveLinks(ELIXIR);
  });

  it("turns a reply to the save confirmation into a note and confirms it naming the link", async () => {
    const { reply, confirmation } = await replyWithNote(rust.confirmation, "Ownership: each value has one owner.");
    expect(confirmation.text).toBe("📝 Note added to The Rust Book <ownership> & more.");
    expect(confirmation.reply_to_message?.message_id).toBe(reply.message_id);
    expect(confirmation.entities).toContainEqual(expect.objectContaining({ type: "text_link", url: RUST }));
    expect(notesOf(1001)).toEqual([expect.objectContaining({ link_id: linkId(RUST), text: "Ownership: each value has one owner." })]);
    expect(query("select link_id, text from notes where captured = 1 and user_id = 1001")).toEqual([
      { link_id: linkId(RUST), text: "The Rust Book <ownership> & more" },
    ]);

    await replyWithNote(confirmation, "Borrowing comes next.");
    expect(notesOf(1001).map((n) => [n.link_id, n.text])).toEqual([
      [linkId(RUST), "Ownership: each value has one owner."],
      [linkId(RUST), "Borrowing comes next."],
    ]);
  });

  it("turns a reply to the user's own message with the link into a note, keeping Chinese, emoji and line breaks exactly", async () => {
    await replyWithNote(elixir.original, CHINESE_NOTE);
    expect(notesOf(1001).at(-1)).toMatchObject({ link_id: linkId(ELIXIR), text: CHINESE_NOTE });
  });

  it("updates the note, silently, when the user edits its message", async () => {
    const { reply } = await replyWithNote(elixir.confirmation, "GenServer: call is sync");
    const before = notesOf(1001).at(-1)!;
    const since = harness.emulator.mark();
    ada().edit(reply, "GenServer: call is synchronous, cast is not");
    await eventually(() => notesOf(1001).find((n) => n.id === before.id && n.text === "GenServer: call is synchronous, cast is not"), "the edited note");

    // Updates of one chat are handled in order: once /start is answered, the edit got no answer of its own.
    await command("/start");
    expect(harness.emulator.callsOf("sendMessage", since)).toHaveLength(1);
  });

  it("attaches /note to the link touched last, and explains itself without text", async () => {
    expect((await command("/note")).text).toContain("Write the note after the command");
    const confirmation = await command("/note supervision trees restart children", NOTE_ADDED);
    expect(confirmation.text).toBe("📝 Note added to hexdocs.pm › GenServer.html.");
    expect(notesOf(1001).at(-1)).toMatchObject({ link_id: linkId(ELIXIR), text: "supervision trees restart children" });
  });

  it("is not a note when the replied-to message is about no link", async () => {
    let since = harness.emulator.mark();
    ada().sendText("just some words, and no link.");
    const hint = await nextMessage(harness.emulator, 1001, since, /no links/);
    const before = notesOf(1001);
    since = harness.emulator.mark();
    ada().reply(hint, "still no link here");
    await nextMessage(harness.emulator, 1001, since, /not saved as a note/);
    expect(notesOf(1001)).toEqual(before);
  });

  it("offers to move a note from a message about several links, and moves it", async () => {
    const pair = await saveLinks("https://ziglang.org/learn/overview/\nhttps://go.dev/doc/effective_go");
    const { confirmation } = await replyWithNote(pair.original, "comptime vs generics");
    expect(confirmation.text).toContain("1. ziglang.org › overview\n2. go.dev › effective_go");
    expect(buttonsOf(confirmation).map((b) => b.text)).toEqual(["✅ 1", "Move to 2", "🗑 Delete"]);
    const noteId = notesOf(1001).at(-1)!.id;

    const since = harness.emulator.mark();
    ada().press(confirmation, button(confirmation, "Move to 2").callback_data);
    const moved = await nextEdit(harness.emulator, confirmation, since);
    expect(moved.text).toMatch(/^📝 Note moved to go\.dev › effective_go\./);
    expect(buttonsOf(moved).map((b) => b.text)).toEqual(["Move to 1", "✅ 2", "🗑 Delete"]);
    expect(notesOf(1001).find((n) => n.id === noteId)).toMatchObject({ link_id: linkId("https://go.dev/doc/effective_go") });

    // The confirmation now speaks about the link the note moved to.
    await replyWithNote(moved, "goroutines too");
    expect(notesOf(1001).at(-1)).toMatchObject({ link_id: linkId("https://go.dev/doc/effective_go"), text: "goroutines too" });
  });

  it("ignores a forged move of another user's note, changing nothing", async () => {
    await saveLinks("https://example.org/bob", undefined, bob());
    await command("/note bob's private thought", NOTE_ADDED, bob());
    const bobsNote = notesOf(2002)[0]!;
    const before = query("select * from notes order by id");

    const since = harness.emulator.mark();
    ada().press(rust.confirmation, `nmv:${bobsNote.id}:${linkId(RUST)}`);
    const answer = await harness.emulator.waitForCall("answerCallbackQuery", undefined, { since });
    expect(answer.payload.text).toBe("That note is not in your log any more.");
    expect(harness.emulator.callsOf("editMessageText", since)).toEqual([]);
    expect(query("select * from notes order by id")).toEqual(before);
  });

  it("summarises the last 7 days on /notes with counts, grouped by link", async () => {
    const summary = await command("/notes", SUMMARY);
    const [counts] = query<{ notes: number; links: number }>("select count(*) as notes, count(distinct link_id) as links from notes where user_id = 1001");
    expect(summary.text).toContain(`${counts!.notes} notes on ${counts!.links} links`);
    expect(summary.text).toContain("🔗 The Rust Book <ownership> & more\n#rust · /link_");
    // The words the Rust link was sent with are its oldest note.
    expect(summary.text).toMatch(/#rust · \/link_1\n▫️ [A-Z][a-z]{2} \d{1,2} The Rust Book <ownership> & more/);
    expect(summary.text).toContain("进程与线程的区别 🧵");
    expect(summary.text).not.toContain("bob's private thought");
  });

  it("filters /notes by tag, and says so when the filter finds nothing", async () => {
    const summary = await command("/notes #rust", SUMMARY);
    expect(summary.text).toContain("· #rust\n3 notes on 1 link");
    expect(summary.text).toContain("Borrowing comes next.");
    expect(summary.text).not.toContain("GenServer");

    // The last 7 days, as people say them: "Nov 19 – 25", "Nov 27 – Dec 3".
    expect((await command("/notes #haskell")).text).toMatch(/^No notes on links tagged #haskell in [A-Z][a-z]{2} \d{1,2} – ([A-Z][a-z]{2} )?\d{1,2}\.\n/);

    // A bare word is a tag too; one that cannot be a tag is not understood.
    expect((await command("/notes haskell")).text).toMatch(/^No notes on links tagged #haskell in /);
    expect((await command("/notes weekly!")).text).toMatch(/^I do not understand “weekly!”\.\n\n\/notes shows your notes/);
  });

  it("sends /notes file as a markdown document with the notes complete", async () => {
    const since = harness.emulator.mark();
    ada().command("/notes file");
    const call = await harness.emulator.waitForCall("sendDocument", (c) => c.response.ok, { since });
    const document: Message = call.response.result;
    expect(document.document?.file_name).toMatch(/^linklog-notes-\d{4}-\d{2}-\d{2}\.md$/);
    expect(document.caption).toMatch(/notes on \d+ links$/);
    const markdown = harness.emulator.documentContent(document)!.toString("utf8");
    expect(markdown).toContain(`## [The Rust Book \\<ownership\\> & more](<${RUST}>)`);
    expect(markdown).toContain(
      CHINESE_NOTE.split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n"),
    );
    expect(markdown).toContain("> GenServer: call is synchronous, cast is not");
    expect(markdown).not.toContain("bob's private thought");
  });

  it("pages through a long summary with ◀ ▶", async () => {
    // /note goes to the link touched last: its card makes it Go's again (/notes #rust listed the Rust book alone).
    await command(`/link_${linkId("https://go.dev/doc/effective_go")}`, /effective_go/);
    for (let i = 1; i <= 6; i++) await command(`/note thought number ${i}`, NOTE_ADDED);
    const first = await command("/notes", SUMMARY);
    expect(buttonsOf(first).map((b) => b.text)).toEqual(["1/3", "▶"]);

    const since = harness.emulator.mark();
    ada().press(first, button(first, "▶").callback_data);
    const second = await nextEdit(harness.emulator, first, since);
    expect(buttonsOf(second).map((b) => b.text)).toEqual(["◀", "2/3", "▶"]);
    // The newest link's notes come first, in the order written, cut after six notes.
    expect(first.text).toContain("thought number 4");
    expect(first.text).not.toContain("thought number 5");
    expect(second.text).toMatch(/^📝 Notes · .*\n14 notes on 3 links\n\n🔗 go\.dev › effective_go\n/);
    expect(second.text).toContain("thought number 5\n▫️ ");
  });

  it("takes a reply to another message as a note while a tag question is open, and the question stays open", async () => {
    const erlang = "https://erlang.org/doc/design_principles.html";
    let since = harness.emulator.mark();
    const original = ada().sendText(erlang);
    const question = await nextMessage(harness.emulator, 1001, since, TAG_QUESTION);
    await replyWithNote(original, "OTP behaviours");
    expect(notesOf(1001).at(-1)).toMatchObject({ link_id: linkId(erlang), text: "OTP behaviours" });

    since = harness.emulator.mark();
    ada().sendText("erlang");
    expect((await nextEdit(harness.emulator, question, since)).text).toContain("Tags: #erlang");
  });
});
