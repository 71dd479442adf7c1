import type { Chat, Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { databaseFile, readDatabase } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";
import { forwardOrigin } from "../../src/emulator/index.js";
import { appHarness } from "../support/harness.js";

const CHANNEL: Chat.ChannelChat = { id: -100777, type: "channel", title: "SQLite Weekly", username: "sqliteweekly" };

/** Issue 12 as its user lives it: comments beside links, bursts of forwards, questions left open, late tags. */
describe("capture as people really share, end to end", () => {
  // The production flood limit: a burst of forwards must get through it whole.
  const harness = appHarness({ RATE_LIMIT_UPDATES: "30" });
  const { all: sql } = databaseFile(() => harness.databasePath);
  let nextUserId = 12_000;
  const newUser = () => harness.emulator.user({ id: ++nextUserId, first_name: "Lin" });

  const sentTo = (userId: number, since: number) => harness.emulator.callsOf("sendMessage", since).filter((call) => Number(call.payload.chat_id) === userId);
  const tagsOf = (userId: number) => sql<{ name: string }>("select name from tags where user_id = ? order by name", userId).map((row) => row.name);
  const backdate = (userId: number, column: "touched_at" | "expires_at") => {
    const write = readDatabase(harness.databasePath, { writable: true });
    write.run(`update tag_questions set ${column} = ${column} - 3600000 where user_id = ? and ${column} is not null`, userId);
    write.close();
  };

  async function ask(user: ReturnType<typeof newUser>, text: string): Promise<Message> {
    const since = harness.emulator.mark();
    user.sendText(text);
    return await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
  }

  it("takes a Chinese comment typed during the question as a note, never as tags, and Undo takes it back", async () => {
    const user = newUser();
    const question = await ask(user, "https://example.org/sqlite-btree");
    let since = harness.emulator.mark();
    user.sendText("这篇讲 SQLite 的 B-tree 很清楚，要再读一遍");
    const noted = await nextMessage(harness.emulator, user.id, since, /Noted on/);
    expect(noted.text).toContain("Noted on example.org › sqlite-btree. The tag question stays open.");
    expect(buttonsOf(noted).map((b) => b.text)).toEqual(["Undo"]);

    since = harness.emulator.mark();
    user.sendText("thanks!");
    await nextMessage(harness.emulator, user.id, since, /Noted on/);
    expect(sql("select text from notes where user_id = ? order by id", user.id)).toEqual([
      { text: "这篇讲 SQLite 的 B-tree 很清楚，要再读一遍" },
      { text: "thanks!" },
    ]);

    since = harness.emulator.mark();
    user.press(noted, button(noted, "Undo").callback_data);
    expect((await nextEdit(harness.emulator, noted, since)).text).toBe("Note removed.");
    expect(sql("select text from notes where user_id = ?", user.id)).toEqual([{ text: "thanks!" }]);

    // The question was open all along: tags typed now are its answer.
    since = harness.emulator.mark();
    user.sendText("sqlite btree");
    expect((await nextEdit(harness.emulator, question, since)).text).toContain("Tags: #btree #sqlite");
    expect(tagsOf(user.id)).toEqual(["btree", "sqlite"]);
  });

  it("asks once when words could be tags or a remark, and saves a note when told so", async () => {
    const user = newUser();
    await ask(user, "https://example.org/ambiguous");
    let since = harness.emulator.mark();
    user.sendText("thanks");
    const asked = await nextMessage(harness.emulator, user.id, since, /Tags, or a note/);
    expect(buttonsOf(asked).map((b) => b.text)).toEqual(["Tags: #thanks", "Save as note"]);
    since = harness.emulator.mark();
    user.press(asked, button(asked, "Save as note").callback_data);
    expect((await nextEdit(harness.emulator, asked, since)).text).toContain("Noted on example.org › ambiguous");
    expect(sql("select text from notes where user_id = ?", user.id)).toEqual([{ text: "thanks" }]);
    expect(tagsOf(user.id)).toEqual([]);
  });

  it("keeps the words beside a link as a note, and a forwarded post's text as a note from its channel, found by the channel's name", async () => {
    const user = newUser();
    await ask(user, "这个讲得好 https://example.org/good-one");
    const since = harness.emulator.mark();
    user.forward("Understanding SQLite's query planner\nhttps://example.org/planner", forwardOrigin.channel(CHANNEL, 41));
    await nextEdit(harness.emulator, { message_id: sentTo(user.id, 0)[0]!.response.result.message_id } as Message, since, /Saved 2 links from 2 messages/);
    expect(sql("select url, title, title_source, source from links where user_id = ? order by id", user.id)).toEqual([
      { url: "https://example.org/good-one", title: "这个讲得好", title_source: "message", source: null },
      { url: "https://example.org/planner", title: "Understanding SQLite's query planner", title_source: "message", source: "SQLite Weekly (@sqliteweekly)" },
    ]);
    expect(sql("select text, source from notes where user_id = ? order by id", user.id)).toEqual([
      { text: "这个讲得好", source: null },
      { text: "Understanding SQLite's query planner", source: "SQLite Weekly (@sqliteweekly)" },
    ]);
    const searched = harness.emulator.mark();
    user.command("/search weekly");
    expect((await nextMessage(harness.emulator, user.id, searched, /1 link/)).text).toContain("Understanding SQLite");
  });

  it("answers 40 forwarded posts with one message that updates in place, then tags them all together", async () => {
    const user = newUser();
    const since = harness.emulator.mark();
    for (let i = 1; i <= 40; i++) user.forward(`Post ${i}\nhttps://example.org/burst/${i}`, forwardOrigin.channel(CHANNEL, 100 + i));
    const first = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    // Forty updates of one chat are handled one after another: on PostgreSQL, on a busy machine, over 5 s.
    const burst = await nextEdit(harness.emulator, first, since, /Saved 40 links from 40 messages/, 20_000);
    expect(buttonsOf(burst).map((b) => b.text)).toEqual(["Tag all together", "One by one", "Skip"]);
    expect(sql("select count(*) as n from links where user_id = ?", user.id)).toEqual([{ n: 40 }]);
    expect(sentTo(user.id, since)).toHaveLength(1);

    let pressed = harness.emulator.mark();
    user.press(burst, button(burst, "Tag all together").callback_data);
    const together = await nextEdit(harness.emulator, first, pressed, TAG_QUESTION);
    expect(together.text).toContain("Saved 40 links:");
    pressed = harness.emulator.mark();
    user.sendText("sqlite");
    expect((await nextEdit(harness.emulator, first, pressed)).text).toContain("Tags: #sqlite");
    expect(sql("select count(*) as n from link_tags join links on links.id = link_id where user_id = ?", user.id)).toEqual([{ n: 40 }]);
    expect(sentTo(user.id, since)).toHaveLength(1);
  });

  it("stores all of 100 forwards sent in two seconds under the flood limit, with at most 3 bot messages", async () => {
    const user = newUser();
    const since = harness.emulator.mark();
    for (let i = 1; i <= 100; i++) user.forward(`https://example.org/flood/${i}`, forwardOrigin.channel(CHANNEL, 1000 + i));
    const first = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    // A hundred updates of one chat are handled one after another: on PostgreSQL, on a busy machine, that takes seconds.
    await nextEdit(harness.emulator, first, since, /Saved 100 links from 100 messages/, 20_000);
    expect(sql("select count(*) as n from links where user_id = ?", user.id)).toEqual([{ n: 100 }]);
    expect(sentTo(user.id, since).length).toBeLessThanOrEqual(3);
  });

  it("answers a burst of links saved before with one 'already saved' reply", async () => {
    const user = newUser();
    const question = await ask(user, "https://example.org/seen/1 https://example.org/seen/2 https://example.org/seen/3");
    let since = harness.emulator.mark();
    user.press(question, button(question, "Skip").callback_data);
    await nextEdit(harness.emulator, question, since, /no tags/);

    since = harness.emulator.mark();
    for (const n of [1, 2, 3]) user.forward(`https://example.org/seen/${n}?utm_source=channel`, forwardOrigin.channel(CHANNEL, 300 + n));
    const reply = await nextMessage(harness.emulator, user.id, since, /Already saved/);
    const whole = await nextEdit(harness.emulator, reply, since, /(Already saved[\s\S]*){3}/);
    expect(buttonsOf(whole).map((b) => b.text)).toEqual(["Re-tag 1", "Re-tag 2", "Re-tag 3"]);
    expect(sentTo(user.id, since)).toHaveLength(1);
  });

  it("asks about a burst one message at a time on One by one", async () => {
    const user = newUser();
    const since = harness.emulator.mark();
    for (const n of [1, 2, 3]) user.forward(`Part ${n}\nhttps://example.org/parts/${n}`, forwardOrigin.channel(CHANNEL, 200 + n));
    const first = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    const burst = await nextEdit(harness.emulator, first, since, /Saved 3 links from 3 messages/);
    let pressed = harness.emulator.mark();
    user.press(burst, button(burst, "One by one").callback_data);
    expect((await nextEdit(harness.emulator, first, pressed)).text).toContain("one message at a time");
    for (const n of [1, 2, 3]) {
      const part = await nextMessage(harness.emulator, user.id, pressed, new RegExp(`Part ${n}[\\s\\S]*Tags\\?`));
      expect(part.text).not.toMatch(new RegExp(`Part ${n === 1 ? 2 : 1}\\b`));
      pressed = harness.emulator.mark();
      user.sendText(`part${n}`);
      await nextEdit(harness.emulator, part, pressed, new RegExp(`Tags: #part${n}`));
    }
    expect(
      sql("select url, name from links join link_tags on link_id = links.id join tags on tags.id = tag_id where links.user_id = ? order by url", user.id),
    ).toEqual([1, 2, 3].map((n) => ({ url: `https://example.org/parts/${n}`, name: `part${n}` })));
  });

  it("closes a question nobody answered as 'Saved · no tags', and the links queued behind it stay taggable", async () => {
    const user = newUser();
    const question = await ask(user, "https://example.org/waited");
    backdate(user.id, "touched_at");
    let since = harness.emulator.mark();
    user.sendText("https://example.org/queued");
    await nextMessage(harness.emulator, user.id, since, /I will ask for its tags right after/);

    since = harness.emulator.mark();
    backdate(user.id, "expires_at");
    const closed = await nextEdit(harness.emulator, question, since, /Saved · no tags/);
    expect(closed.text).toContain("1 more link was saved meanwhile, also without tags.");
    expect(buttonsOf(closed).map((b) => b.text)).toEqual(["🏷 Tag", "🏷 Tag 1 more"]);

    since = harness.emulator.mark();
    user.press(closed, button(closed, "🏷 Tag 1 more").callback_data);
    const late = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    expect(late.text).toContain("example.org › queued");
    since = harness.emulator.mark();
    user.sendText("later");
    await nextEdit(harness.emulator, late, since, /Tags: #later/);

    // The closed question's own button still works too.
    since = harness.emulator.mark();
    user.press(closed, button(closed, "🏷 Tag").callback_data);
    const reopened = await nextEdit(harness.emulator, question, since, TAG_QUESTION);
    expect(reopened.text).toContain("example.org › waited");
  });

  it("/cancel says how many queued links were left untagged and offers one button for them", async () => {
    const user = newUser();
    const question = await ask(user, "https://example.org/open");
    backdate(user.id, "touched_at");
    let since = harness.emulator.mark();
    user.sendText("https://example.org/wait-1");
    const notice = await nextMessage(harness.emulator, user.id, since, /I will ask/);
    user.sendText("https://example.org/wait-2");
    await nextEdit(harness.emulator, notice, since, /Saved 2 links\. I will ask for their tags/);

    since = harness.emulator.mark();
    user.command("/cancel");
    const cancelled = await nextMessage(harness.emulator, user.id, since, /Cancelled/);
    expect(cancelled.text).toBe("Cancelled. Your links stay saved; 2 links waiting for their question were left untagged.");
    await nextEdit(harness.emulator, question, since, /Saved · no tags/);

    since = harness.emulator.mark();
    user.press(cancelled, button(cancelled, "🏷 Tag 2 more").callback_data);
    const asked = await nextMessage(harness.emulator, user.id, since, TAG_QUESTION);
    expect(asked.text).toContain("wait-1");
    expect(asked.text).toContain("wait-2");
  });

  it("offers tag-like words typed after the question closed as tags for its link, never 'no links'", async () => {
    const user = newUser();
    const question = await ask(user, "https://example.org/async-rust");
    let since = harness.emulator.mark();
    user.press(question, button(question, "Skip").callback_data);
    await nextEdit(harness.emulator, question, since, /no tags/);

    since = harness.emulator.mark();
    user.sendText("rust async");
    const offer = await nextMessage(harness.emulator, user.id, since, /with #rust #async\?/);
    expect(offer.text).toBe("Tag example.org › async-rust with #rust #async?");
    since = harness.emulator.mark();
    user.press(offer, button(offer, "Yes").callback_data);
    expect((await nextEdit(harness.emulator, offer, since)).text).toBe("Tagged example.org › async-rust with #rust #async.");
    expect((await nextEdit(harness.emulator, question, since)).text).toContain("Tags: #async #rust");
    expect(tagsOf(user.id)).toEqual(["async", "rust"]);
    expect(harness.emulator.callsOf("sendMessage", since).some((call) => /no links/.test(String(call.payload.text)))).toBe(false);
  });
});
