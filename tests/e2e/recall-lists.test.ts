import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { appHarness } from "../support/harness.js";
import { chatSession } from "../support/chat-session.js";
import { databaseFile } from "../support/bot-process.js";
import { buttonsOf } from "../support/chat.js";
import { englishDay } from "../support/dates.js";

const DAY = 86_400_000;

/** The text of every struck-through part of a message (entity offsets are UTF-16, as JavaScript strings are). */
function struck(message: Message): string[] {
  return (message.entities ?? []).filter((e) => e.type === "strikethrough").map((e) => message.text!.slice(e.offset, e.offset + e.length));
}

/** The numbered rows of a list as the user reads them: "9. Item 9". */
function rows(message: Message): string[] {
  return message.text!.split("\n").filter((line) => /^\d+\. /.test(line));
}

const utcDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Issue 17: ✅ keeps the rows in place with ↩️ to undo, /queue and /read, /today page by page and day by day. */
describe("recall that feels right, end to end", () => {
  const harness = appHarness();
  const { save, command, press } = chatSession(harness, { id: 4101, first_name: "Grace" });
  const { all: sql, run: execute } = databaseFile(() => harness.databasePath);
  const idOf = (n: number) => sql<{ id: number }>("select id from links where user_id = 4101 and url = ?", `https://example.org/item/${n}`)[0]!.id;
  const isRead = (n: number) => sql<{ read_at: number | null }>("select read_at from links where id = ?", idOf(n))[0]!.read_at !== null;

  it("/unread: ✅ 9 strikes item 9 in place with ↩️ 9, so ✅ 10 marks link 10; ↩️ 9 takes it back; paging drops the marked", async () => {
    await save(Array.from({ length: 12 }, (_, i) => `https://example.org/item/${i + 1} Item ${i + 1}`).join("\n"), "");
    // Dates below are computed in UTC.
    execute("update users set time_zone = 'UTC' where id = 4101");
    const first = await command("/unread", /Unread: 12/);
    const second = await press(first, "▶");
    expect(rows(second).map((row) => row.replace(/ \S+$/u, ""))).toEqual(["9. Item", "10. Item", "11. Item", "12. Item"]);

    const marked = await press(second, "✅ 9");
    expect(marked.message_id).toBe(first.message_id);
    expect(marked.text).toContain("Unread: 11");
    expect(struck(marked)).toEqual(["Item 9"]);
    expect(rows(marked)[1]).toBe("10. Item 10");
    expect(buttonsOf(marked).map((b) => b.text)).toEqual(["↩️ 9", "✅ 10", "✅ 11", "✅ 12", "◀", "2/2"]);
    expect(isRead(9)).toBe(true);

    // The second tap lands where the thumb expects it: on link 10, not on the item that used to follow 9.
    const both = await press(marked, "✅ 10");
    expect([isRead(10), isRead(11)]).toEqual([true, false]);
    expect(struck(both)).toEqual(["Item 9", "Item 10"]);
    expect(both.text).toContain("Unread: 10");

    const undone = await press(both, "↩️ 9");
    expect(isRead(9)).toBe(false);
    expect(struck(undone)).toEqual(["Item 10"]);
    expect(
      buttonsOf(undone)
        .map((b) => b.text)
        .slice(0, 2),
    ).toEqual(["✅ 9", "↩️ 10"]);

    // Paging asks the list again: link 10 is gone, the others move up.
    const back = await press(undone, "◀");
    expect(rows(back)[0]).toBe("1. Item 1");
    const again = await press(back, "▶");
    expect(rows(again).map((row) => row.replace(/^\d+\. /u, ""))).toEqual(["Item 9", "Item 11", "Item 12"]);
    expect(struck(again)).toEqual([]);
    expect(buttonsOf(again).map((b) => b.text)).toEqual(["✅ 9", "✅ 10", "✅ 11", "◀", "2/2"]);
  });

  it("the last unread link marked from a list can still be taken back", async () => {
    await save("https://example.org/solo Solo page", "lonely");
    const list = await command("/unread #lonely", /Unread: 1/);
    const marked = await press(list, "✅ 1");
    expect(marked.text).toContain("Unread: 0");
    expect(struck(marked)).toEqual(["Solo page"]);
    const undone = await press(marked, "↩️ 1");
    expect(undone.text).toContain("Unread: 1");
    expect(struck(undone)).toEqual([]);
  });

  it("/queue is the reading queue, oldest first, with #tag and bare tags; /next is the same", async () => {
    await save("https://example.org/rust-1 Rust book", "rust");
    await save("https://example.org/rust-2 Rustonomicon", "rust");
    execute("update links set saved_at = saved_at - ? where url like '%/rust-1'", DAY);
    const queue = await command("/queue #rust", /Reading queue: 2/);
    expect(queue.text).toContain("Oldest first");
    expect(queue.text!.indexOf("Rust book")).toBeLessThan(queue.text!.indexOf("Rustonomicon"));
    expect(queue.text).not.toContain("Item 1");
    expect((await command("/next rust", /Reading queue: 2/)).text).toContain("Rust book");
    const newest = await command("/queue rust newest", /Reading queue: 2/);
    expect(newest.text!.indexOf("Rustonomicon")).toBeLessThan(newest.text!.indexOf("Rust book"));
    expect((await command("/queue sideways!")).text).toContain("I do not understand “sideways!”");
  });

  it("/read lists what was read, last read first, for a week, a tag or a day; alone it points to /queue", async () => {
    const now = Date.now();
    const tenDaysAgo = utcDate(now - 10 * DAY);
    execute("update links set read_at = ? where id = ?", now - 1000, idOf(3));
    execute("update links set read_at = ? where id = ?", now - 2000, idOf(4));
    execute("update links set read_at = ? where id = ?", now - 60_000, idOf(10));
    execute("update links set read_at = ? where url like '%/rust-2'", now - 3 * DAY);
    execute("update links set read_at = ? where id = ?", Date.parse(`${tenDaysAgo}T12:00:00Z`), idOf(5));

    const history = await command("/read", /Read: 5/);
    // Last read first: 3 and 4 just now, 10 a minute ago, the Rustonomicon 3 days ago, 5 ten days ago.
    const order = ["Item 3\n", "Item 4\n", "Item 10\n", "Rustonomicon", "Item 5\n"].map((title) => history.text!.indexOf(title));
    expect(order.every((at) => at > -1)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(history.text).toContain("📅 Today\n");
    expect(history.text).toContain("Looking for what to read next? That is /queue now.");
    expect(buttonsOf(history).every((b) => b.text.startsWith("↩️"))).toBe(true);

    const week = await command("/read week", /Read: 4/);
    expect(week.text).toContain("past 7 days");
    expect(week.text).not.toContain("Item 5");
    expect(week.text).not.toContain("/queue now");
    const rust = await command("/read #rust", /Read: 1/);
    expect(rust.text).toContain("Rustonomicon");
    const day = await command(`/read ${tenDaysAgo}`, /Read: 1/);
    expect(day.text).toContain("Item 5");
    expect(day.text).toContain(englishDay(tenDaysAgo, utcDate(now)));
    expect((await command("/read #nothing-here")).text).toContain("Nothing you read matches #nothing-here");

    // ↩️ from the history puts it back in the queue; the row stays, struck, with ✅ to take that back.
    const back = await press(day, "↩️ 1");
    expect(isRead(5)).toBe(false);
    expect(struck(back)).toEqual(["Item 5"]);
    expect(buttonsOf(back).map((b) => b.text)).toEqual(["✅ 1"]);
    expect((await command("/read bogus!")).text).toContain("I do not understand “bogus!”");
  });

  it("/today pages through 25 saves newest first and goes a day back and forth", async () => {
    const earlier = Date.now() - 60_000;
    // Everything saved so far moves to two days ago, so that today holds the 25 saves only.
    execute("update links set saved_at = ? where user_id = 4101", earlier - 2 * DAY);
    execute("update links set read_at = null where user_id = 4101");
    execute("update notes set created_at = ? where user_id = 4101", earlier - 2 * DAY);
    await save(Array.from({ length: 25 }, (_, i) => `https://example.org/day/${i + 1} Day ${i + 1}`).join("\n"), "");
    // One of them saved a little before the others: the newest come first, within the day as across days.
    execute("update links set saved_at = ? where url = 'https://example.org/day/1'", earlier);
    const notes = sql<{ n: number }>("select count(*) as n from notes where user_id = 4101 and created_at > ?", earlier - DAY)[0]!.n;
    const pages = Math.ceil((25 + notes) / 8);

    const today = await command("/today", /Today/);
    expect(today.text).toContain("Saved 25 · Read 0");
    expect(today.text).not.toContain("more");
    expect(rows(today)[0]).toBe("1. Day 2");
    expect(buttonsOf(today).map((b) => b.text)).toEqual(["✅ 1", "✅ 2", "✅ 3", "✅ 4", "✅ 5", "✅ 6", "✅ 7", "✅ 8", "1/" + pages, "▶", "◀ Previous day"]);
    const next = await press(today, "▶");
    expect(rows(next)[0]).toBe("9. Day 10");
    const fourth = await press(await press(next, "▶"), "▶");
    // The first saved is the last of the day's saves; the day's notes follow, newest first.
    expect(rows(fourth)).toEqual(["25. Day 1"]);
    expect(fourth.text).toContain("\nNotes\n• Day 25: ");
    let end = fourth;
    for (let page = 4; page < pages; page++) end = await press(end, "▶");
    expect(buttonsOf(end).map((b) => b.text)).toContain(`${pages}/${pages}`);
    expect(buttonsOf(end).map((b) => b.text)).not.toContain("▶");

    const yesterday = await press(today, "◀ Previous day");
    const yesterdayDate = utcDate(Date.now() - DAY);
    expect(yesterday.text).toContain(`📅 ${englishDay(yesterdayDate, utcDate(Date.now()))}`);
    expect(yesterday.text).toContain("Nothing saved, read or noted that day.");
    expect(buttonsOf(yesterday).map((b) => b.text)).toEqual(["◀ Previous day", "Next day ▶"]);
    const twoDaysAgo = await press(yesterday, "◀ Previous day");
    const before = sql<{ n: number }>("select count(*) as n from links where user_id = 4101 and saved_at < ?", earlier - DAY)[0]!.n;
    expect(twoDaysAgo.text).toContain(`Saved ${before} · Read 0`);
    const forward = await press(twoDaysAgo, "Next day ▶");
    expect(forward.text).toContain("Nothing saved");
    const backToToday = await press(forward, "Next day ▶");
    expect(backToToday.text).toContain("📅 Today");
    expect(buttonsOf(backToToday).map((b) => b.text)).not.toContain("Next day ▶");
  });

  it("says Today and Yesterday over /unread's days, in Chinese as 今天 and 昨天", async () => {
    // Two unread links: one saved today, one yesterday.
    execute("update links set saved_at = ? where url = 'https://example.org/day/1'", Date.now() - DAY);
    execute("update links set read_at = ? where user_id = 4101 and url not in ('https://example.org/day/1', 'https://example.org/day/2')", Date.now() - 5000);
    const english = await command("/unread", /Unread:/);
    expect(english.text).toContain("📅 Today\n");
    expect(english.text).toContain("📅 Yesterday\n");
    execute("update users set language = 'zh' where id = 4101");
    const chinese = await command("/unread", /未读：/);
    expect(chinese.text).toContain("📅 今天\n");
    expect(chinese.text).toContain("📅 昨天\n");
    expect(chinese.text!.indexOf("📅 今天")).toBeLessThan(chinese.text!.indexOf("📅 昨天"));
    const queue = await command("/queue", /阅读队列：2/);
    expect(queue.text).toContain("最早的在前");
    const read = await command("/read", /已读：38/);
    expect(read.text).toContain("想找下一篇读什么？现在请用 /queue。");
  });
});
