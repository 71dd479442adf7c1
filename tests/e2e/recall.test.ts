import { describe, expect, it } from "vitest";
import { appHarness } from "../support/harness.js";
import { chatSession } from "../support/chat-session.js";
import { databaseFile } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";

const HOUR = 3_600_000;

/** /unread, ✅, pages, /today, /tags, cards and /timezone, end to end through the Bot API emulator. */
describe("recall, end to end", () => {
  const harness = appHarness();
  const { user: ada, save, command, press } = chatSession(harness, { id: 4001, first_name: "Ada" });

  const { all: sql, run: execute } = databaseFile(() => harness.databasePath);

  it("sets a time zone by IANA name and refuses one that does not exist", async () => {
    expect((await command("/timezone Mars/Olympus")).text).toContain("not a time zone I know");
    expect((await command("/timezone asia/shanghai")).text).toContain("Time zone set to Asia/Shanghai");
    expect(sql("select time_zone from users where id = 4001")).toEqual([{ time_zone: "Asia/Shanghai" }]);
  });

  it("lists unread links grouped by the day they were saved in the user's zone, newest day first", async () => {
    await save("https://example.org/beam Erlang VM internals", "elixir beam");
    await save("https://example.org/otp OTP design principles", "elixir");
    await save("https://example.org/rust Rust ownership", "");
    // Two of them were saved at 23:30 UTC: already 07:30 the next day in Shanghai (UTC+8), and that day is
    // yesterday in Shanghai, whatever the hour the test runs at (from 16:00 UTC Shanghai is a day ahead).
    const shanghaiMidnightAsUtc = Date.parse(new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10));
    const lateEvening = shanghaiMidnightAsUtc - 24 * HOUR - 30 * 60_000;
    execute("update links set saved_at = ? where url like '%/beam' or url like '%/otp'", lateEvening);
    const shanghaiDate = new Date(lateEvening + 8 * HOUR).toISOString().slice(0, 10);
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);

    const list = await command("/unread", /Unread: 3/);
    const text = list.text!;
    // Headings say the day as people do ("📅 Today", "📅 Yesterday", "📅 Wed, Dec 2"), in the user's zone.
    expect(shanghaiDate).toBe(new Date(Date.parse(today) - 24 * HOUR).toISOString().slice(0, 10));
    const [todayHeading, yesterdayHeading] = ["📅 Today\n", "📅 Yesterday\n"];
    expect(text.indexOf(todayHeading)).toBeGreaterThan(-1);
    expect(text.indexOf(todayHeading)).toBeLessThan(text.indexOf(yesterdayHeading));
    expect(text.indexOf("Rust ownership")).toBeLessThan(text.indexOf(yesterdayHeading));
    expect(text.indexOf(yesterdayHeading)).toBeLessThan(text.indexOf("Erlang VM internals"));
    expect(text).toContain("#beam #elixir");
    expect(list.link_preview_options?.is_disabled).toBe(true);
    expect(buttonsOf(list).map((b) => b.text)).toEqual(["✅ 1", "✅ 2", "✅ 3"]);

    const oldest = await command("/unread oldest", /Unread: 3/);
    expect(oldest.text!.indexOf("Erlang VM internals")).toBeLessThan(oldest.text!.indexOf("Rust ownership"));
    const filtered = await command("/unread #Beam", /Unread: 1/);
    expect(filtered.text).toContain("Erlang VM internals");
    expect(filtered.text).not.toContain("Rust ownership");
    // "sideways" would be a tag; "sideways!" is no word the command knows.
    expect((await command("/unread sideways!")).text).toContain("I do not understand “sideways!”");
  });

  it("marks a link read with ✅ and updates the list in place, the row struck through until the list is asked again", async () => {
    const list = await command("/unread", /Unread: 3/);
    const updated = await press(list, "✅ 1");
    expect(updated.message_id).toBe(list.message_id);
    expect(updated.text).toContain("Unread: 2");
    const struck = updated.entities!.filter((e) => e.type === "strikethrough").map((e) => updated.text!.slice(e.offset, e.offset + e.length));
    expect(struck).toEqual(["Rust ownership"]);
    expect(buttonsOf(updated).map((b) => b.text)).toEqual(["↩️ 1", "✅ 2", "✅ 3"]);
    expect((await command("/unread", /Unread: 2/)).text).not.toContain("Rust ownership");
    expect(sql("select url from links where read_at is not null")).toEqual([{ url: "https://example.org/rust" }]);
  });

  it("pages through a long list with ◀ ▶ in the same message", async () => {
    const urls = Array.from({ length: 10 }, (_, i) => `https://example.org/page/${i + 1} Item ${i + 1}`);
    await save(urls.join("\n"), "paged");
    const first = await command("/unread #paged", /Unread: 10/);
    expect(buttonsOf(first).map((b) => b.text)).toContain("1/2");
    expect(first.text).toContain("Item 1\n");
    expect(first.text).not.toContain("Item 10");

    const second = await press(first, "▶");
    expect(second.message_id).toBe(first.message_id);
    expect(second.text).toContain("Item 10");
    expect(second.text).not.toContain("Item 1\n");
    expect(buttonsOf(second).map((b) => b.text)).toEqual(["✅ 9", "✅ 10", "◀", "2/2"]);

    const back = await press(second, "◀");
    expect(back.text).toContain("Item 1\n");
  });

  it("/today shows what was saved and read today, and the unread count", async () => {
    const today = await command("/today", /Today/);
    // The words each link was saved with count as notes written today.
    const notes = sql<{ n: number }>("select count(*) as n from notes where user_id = 4001")[0]!.n;
    expect(today.text).toContain(`Saved 11 · Read 1 · Notes ${notes} · Unread now 12`);
    // Eight entries a page, the newest saves first: the read link is on the second page.
    const second = await press(today, "▶");
    expect(second.text).toContain("Rust ownership");
    // The read link can be made unread again from here.
    const updated = await press(second, /^↩️/);
    expect(updated.text).toContain("Unread now 13");
    // Yesterday in Shanghai holds the two links saved at 23:30 UTC two days ago.
    const yesterday = await command("/today yesterday", /Saved 2 · Read 0/);
    expect(yesterday.text).toContain("Erlang VM internals");
    expect((await command("/today 2026-02-30")).text).toContain("not a day I know");
  });

  it("/tags counts tags, opens a tag's unread list, and renames or merges tags", async () => {
    const tags = await command("/tags", /Your tags: 3/);
    expect(tags.text).toContain("#elixir: 2 / 2");
    const list = await (async () => {
      const since = harness.emulator.mark();
      ada().press(tags, button(tags, /^#beam/).callback_data);
      return await nextMessage(harness.emulator, 4001, since, /Unread: 1/);
    })();
    expect(list.text).toContain("Erlang VM internals");

    expect((await command("/tags rename beam erlang")).text).toContain("Renamed #beam to #erlang");
    expect((await command("/tags rename erlang elixir")).text).toContain("Merged #erlang into #elixir");
    expect(sql("select name from tags where user_id = 4001 order by name")).toEqual([{ name: "elixir" }, { name: "paged" }]);
    expect((await command("/unread #elixir", /Unread: 2/)).text).toContain("Erlang VM internals");
  });

  it("shows a link's card and deletes the link after confirmation", async () => {
    const [link] = sql<{ id: number }>("select id from links where url like '%/otp'");
    const card = await command(`/link_${link!.id}`, /OTP design principles/);
    expect(card.text).toContain("Tags: #elixir");
    expect(card.text).toContain("Not read yet");
    const read = await press(card, "✅ Read");
    expect(read.text).toContain("Read ");

    let since = harness.emulator.mark();
    ada().press(read, button(read, "🗑 Delete").callback_data);
    const asked = await harness.emulator.waitForCall("editMessageReplyMarkup", (c) => c.response.ok, { since });
    since = harness.emulator.mark();
    ada().press(asked.response.result, button(asked.response.result, "🗑 Yes, delete").callback_data);
    await nextEdit(harness.emulator, card, since, /Deleted/);
    expect(sql("select count(*) as n from links where id = ?", link!.id)).toEqual([{ n: 0 }]);
  });

  it("refuses forged callbacks for another user's links and lists, changing nothing", async () => {
    const bob = harness.emulator.user({ id: 4002, first_name: "Bob" });
    let since = harness.emulator.mark();
    bob.sendText("https://example.org/bob-only");
    const question = await nextMessage(harness.emulator, 4002, since, TAG_QUESTION);
    since = harness.emulator.mark();
    bob.press(question, button(question, "Skip").callback_data);
    await nextEdit(harness.emulator, question, since);

    since = harness.emulator.mark();
    bob.command("/unread");
    await nextMessage(harness.emulator, 4002, since, /Unread: 1/);

    const [bobLink] = sql<{ id: number }>("select id from links where user_id = 4002");
    const [adaView] = sql<{ id: number }>("select id from list_views where user_id = 4001 order by id desc limit 1");
    const [bobView] = sql<{ id: number }>("select id from list_views where user_id = 4002");
    for (const forged of [`rd:${bobLink!.id}:${adaView!.id}:0`, `lk:D:${bobLink!.id}`, `lk:r:${bobLink!.id}`, `v:${bobView!.id}:0`]) {
      since = harness.emulator.mark();
      ada().press(question, forged);
      const answer = await harness.emulator.waitForCall("answerCallbackQuery", undefined, { since });
      expect(answer.payload.text).toMatch(/not in your log|list is gone/);
    }
    expect(sql("select read_at from links where id = ?", bobLink!.id)).toEqual([{ read_at: null }]);
  });
});
