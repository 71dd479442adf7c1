import type { Message } from "@grammyjs/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFile, eventually } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, SETTLED, TAG_QUESTION } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { appHarness } from "../support/harness.js";
import { respond, serveLocally, type LocalServer } from "../support/local-server.js";

/**
 * Feedback where the bot used to be silent or stale (issue 17, point 5): typed tags and edited notes are
 * acknowledged with a reaction on the user's own message, /refetch reports how the fetch went in its own answer,
 * and a digest's ✅ and 💤 change its text, not only its buttons.
 */
describe("feedback on the user's own messages and answers, end to end", () => {
  let site: LocalServer;
  let fetches = 0;
  beforeAll(async () => {
    site = await serveLocally({
      // Every fetch of this page finds a newer title, as a page edited since it was saved.
      "/changing": (_request, response) => {
        fetches++;
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<title>Release notes, edition ${fetches}</title>`);
      },
      "/gone": (_request, response) => response.writeHead(404).end(),
      "/plain": respond("<p>no title</p>"),
    });
  });
  afterAll(async () => site.close());

  // Reaching 127.0.0.1 is allowed only through this test-only setting.
  const harness = appHarness({ FETCH_ALLOW_PRIVATE: "true" });
  const { all: sql } = databaseFile(() => harness.databasePath);
  const reactionsOn = (chatId: number, message: Message) =>
    harness.emulator.history(chatId).find((stored) => stored.message.message_id === message.message_id)?.reaction;

  type Chat = ReturnType<typeof chatSession>;
  /** How the tag question reads in each language: the question, its Skip button, and the question once settled. */
  const EN = { question: TAG_QUESTION, skip: "Skip", settled: SETTLED };
  const ZH = { question: /加什么标签/, skip: "跳过", settled: /无标签/ };

  /** Sends a link and waits for its tag question. */
  async function saveLink(chat: Chat, chatId: number, text: string, words = EN): Promise<Message> {
    const since = harness.emulator.mark();
    chat.user().sendText(text);
    return await nextMessage(harness.emulator, chatId, since, words.question);
  }

  /** Sends a link and skips its tag question. */
  async function saveUntagged(chat: Chat, chatId: number, text: string, words = EN): Promise<void> {
    const question = await saveLink(chat, chatId, text, words);
    const since = harness.emulator.mark();
    chat.user().press(question, button(question, words.skip).callback_data);
    await nextEdit(harness.emulator, question, since, words.settled);
  }

  it("puts 👌 on typed tags and still shows them in the question above", async () => {
    const chat = chatSession(harness, { id: 8101, first_name: "Ada" });
    const question = await saveLink(chat, 8101, "https://example.org/otp");
    const since = harness.emulator.mark();
    const typed = chat.user().sendText("#erlang otp");
    expect((await nextEdit(harness.emulator, question, since, SETTLED)).text).toContain("Tags: #erlang #otp");
    await harness.emulator.waitForCall("setMessageReaction", (c) => c.response.ok && Number(c.payload.message_id) === typed.message_id, { since });
    expect(reactionsOn(8101, typed)).toEqual([{ type: "emoji", emoji: "👌" }]);
    // The reaction is the only word back: no reply was sent for the tags.
    expect(harness.emulator.callsOf("sendMessage", since)).toEqual([]);
  });

  it("takes the tags when Telegram refuses the reaction, and goes on", async () => {
    const chat = chatSession(harness, { id: 8102, first_name: "Bob" });
    const question = await saveLink(chat, 8102, "https://example.org/refused");
    harness.emulator.failNext("setMessageReaction", { status: 400, description: "Bad Request: REACTION_INVALID" });
    const since = harness.emulator.mark();
    const typed = chat.user().sendText("#beam");
    expect((await nextEdit(harness.emulator, question, since, SETTLED)).text).toContain("Tags: #beam");
    await harness.emulator.waitForCall("setMessageReaction", (c) => !c.response.ok, { since });
    expect(reactionsOn(8102, typed)).toBeUndefined();
    expect(sql("select t.name from tags t join link_tags lt on lt.tag_id = t.id join links l on l.id = lt.link_id where l.user_id = 8102")).toEqual([
      { name: "beam" },
    ]);
    // Nothing went wrong as far as the user can tell, and the chat still answers.
    expect((await chat.command("/help")).text).toContain("/unread");
    expect(harness.emulator.callsOf("sendMessage", since).map((c) => String(c.payload.text))).not.toContainEqual(expect.stringMatching(/wrong/i));
  });

  it("puts ✍ on a message whose note was edited", async () => {
    const chat = chatSession(harness, { id: 8103, first_name: "Cy" });
    const question = await saveLink(chat, 8103, "https://example.org/genserver");
    let since = harness.emulator.mark();
    chat.user().press(question, button(question, "Skip").callback_data);
    const confirmation = await nextEdit(harness.emulator, question, since, SETTLED);
    since = harness.emulator.mark();
    const reply = chat.user().reply(confirmation, "call is sync");
    await nextMessage(harness.emulator, 8103, since, /Note added/);
    since = harness.emulator.mark();
    chat.user().edit(reply, "call is synchronous, cast is not");
    await harness.emulator.waitForCall("setMessageReaction", (c) => c.response.ok && Number(c.payload.message_id) === reply.message_id, { since });
    expect(reactionsOn(8103, reply)).toEqual([{ type: "emoji", emoji: "✍" }]);
    expect(sql("select text from notes where user_id = 8103")).toEqual([{ text: "call is synchronous, cast is not" }]);
    expect(harness.emulator.callsOf("sendMessage", since)).toEqual([]);
  });

  /** Saves a link, waits for its first fetch to end, and returns its number. */
  async function savedAndFetched(chat: Chat, chatId: number, path: string, words = EN): Promise<number> {
    await saveUntagged(chat, chatId, `${site.origin}${path}`, words);
    const [link] = sql<{ id: number }>("select id from links where user_id = ? and url like ?", chatId, `%${path}`);
    await eventually(() => sql("select id from links where id = ? and fetch_status != 'pending'", link!.id).length === 1, "the first fetch");
    return link!.id;
  }

  it("answers /refetch at once and edits that answer with the new title", async () => {
    const chat = chatSession(harness, { id: 8104, first_name: "Di" });
    const id = await savedAndFetched(chat, 8104, "/changing");
    const since = harness.emulator.mark();
    const answer = await chat.command(`/refetch ${id}`);
    expect(answer.text).toBe("⏳ Fetching the page again…");
    expect((await nextEdit(harness.emulator, answer, since)).text).toMatch(/^🔄 Fetched the page again\. Its title: Release notes, edition \d$/);
    expect(sql("select title from links where id = ?", id)).toEqual([{ title: `Release notes, edition ${fetches}` }]);
    // Answered once: the row that said which message to edit is gone.
    expect(sql("select * from refetch_answers")).toEqual([]);
  });

  it("says in the /refetch answer when the user's own title stays, and when the page has no title", async () => {
    const chat = chatSession(harness, { id: 8105, first_name: "Eve" });
    const id = await savedAndFetched(chat, 8105, "/changing?own=1");
    await chat.command(`/title ${id} Mine`, /Title set/);
    let since = harness.emulator.mark();
    let answer = await chat.command(`/refetch ${id}`);
    expect((await nextEdit(harness.emulator, answer, since)).text).toMatch(
      /Its title: Release notes, edition \d+\. Your own title Mine stays; \/title \d+ - switches/,
    );

    const plain = await savedAndFetched(chat, 8105, "/plain");
    since = harness.emulator.mark();
    answer = await chat.command(`/refetch ${plain}`);
    expect((await nextEdit(harness.emulator, answer, since)).text).toContain("it gives no title; the link keeps 127.0.0.1 › plain");
  });

  it("edits the /refetch answer with the reason when the page fails, in the user's language", async () => {
    const chat = chatSession(harness, { id: 8106, first_name: "Fu", language_code: "en" });
    const id = await savedAndFetched(chat, 8106, "/gone");
    let since = harness.emulator.mark();
    let answer = await chat.command(`/refetch ${id}`);
    expect((await nextEdit(harness.emulator, answer, since)).text).toBe(
      "⚠️ Could not fetch the page: the page is not there any more (404). The link keeps its title.",
    );

    const chinese = chatSession(harness, { id: 8107, first_name: "Fang", language_code: "zh-hans" });
    const gone = await savedAndFetched(chinese, 8107, "/gone?zh=1", ZH);
    since = harness.emulator.mark();
    answer = await chinese.command(`/refetch ${gone}`);
    expect(answer.text).toBe("⏳ 正在重新抓取网页…");
    expect((await nextEdit(harness.emulator, answer, since)).text).toBe("⚠️ 没能抓取网页：网页已经不存在了（404）。链接的标题保持不变。");
  });

  it("says on /refetch of a number that is not the user's that there is no such link, and remembers nothing", async () => {
    const chat = chatSession(harness, { id: 8108, first_name: "Gil" });
    expect((await chat.command("/refetch 999999")).text).toContain("No link 999999 in your log");
    expect(sql("select * from refetch_answers where user_id = 8108")).toEqual([]);
  });

  it("strikes an item of the digest on ✅ and 💤, notes it, and counts the unread links again", async () => {
    const chat = chatSession(harness, { id: 8109, first_name: "Hana" });
    for (const url of ["https://example.org/first First of three", "https://example.org/second Second of three", "https://example.org/third Third"]) {
      await saveUntagged(chat, 8109, url);
    }
    const digest = await chat.command("/digest now", /Your linklog/);
    expect(digest.text).toContain("📚 3 unread links · /unread");
    expect(buttonsOf(digest).map((b) => b.text)).toEqual(["✅ 1", "💤 1", "✅ 2", "💤 2", "✅ 3", "💤 3"]);

    const read = await chat.press(digest, "✅ 1");
    expect(read.text).toContain("1. First of three (example.org) — ✅ read");
    expect(read.text).toContain("📚 2 unread links · /unread");
    expect(read.text).not.toContain("3 unread links");
    // The item is struck through, and the rest of the digest keeps its links and bold headings.
    const struck = read.entities!.find((entity) => entity.type === "strikethrough")!;
    expect(read.text!.slice(struck.offset, struck.offset + struck.length)).toBe("First of three (example.org)");
    expect(read.entities!.filter((entity) => entity.type === "text_link")).toHaveLength(3);
    expect(read.entities!.some((entity) => entity.type === "bold")).toBe(true);
    expect(buttonsOf(read).map((b) => b.text)).toEqual(["✅ 2", "💤 2", "✅ 3", "💤 3"]);

    // Telegram hands the pressed message as it is now, so the second mark keeps the first.
    const snoozed = await chat.press(read, "💤 2");
    expect(snoozed.text).toMatch(/2\. Second of three \(example\.org\) — 💤 snoozed until \w{3} \d{1,2}/);
    expect(snoozed.text).toContain("— ✅ read");
    expect(snoozed.text).toContain("📚 2 unread links · /unread");
    expect(snoozed.entities!.filter((entity) => entity.type === "strikethrough")).toHaveLength(2);
    expect(buttonsOf(snoozed).map((b) => b.text)).toEqual(["✅ 3", "💤 3"]);
    expect(snoozed.text!.length).toBeLessThan(4096);
  });

  it("says a digest in Chinese is read and counts to nothing unread", async () => {
    const chat = chatSession(harness, { id: 8110, first_name: "Lan", language_code: "zh-hans" });
    await saveUntagged(chat, 8110, "https://example.org/only 唯一的链接", ZH);
    const digest = await chat.command("/digest now", /你的 linklog/);
    const read = await chat.press(digest, "✅ 1");
    expect(read.text).toContain("1. 唯一的链接 (example.org) — ✅ 已读");
    expect(read.text!.split("\n").at(-1)).toBe("📚 没有未读的了。发链接给我，把阅读清单填起来吧。");
    expect(buttonsOf(read)).toEqual([]);
  });
});
