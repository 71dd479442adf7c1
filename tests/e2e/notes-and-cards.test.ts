import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { readDatabase } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { appHarness } from "../support/harness.js";

const A = "https://alpha.example.org/a-first-page";
const B = "https://beta.example.org/b-second-page";
const LONG_NOTE = `${"A long thought about ownership and borrowing. ".repeat(8)}The end.`;

/** Issue 17: notes deleted, moved and edited from the bot; list replies by their numbers; cards with №, ✏️, 🔄, tags in place, delete with undo. */
describe("notes and link cards, as the user goes about them", () => {
  const harness = appHarness();

  function sql<T>(query: string, ...params: unknown[]): T[] {
    const read = readDatabase(harness.databasePath);
    try {
      return read.all<T>(query, ...params);
    } finally {
      read.close();
    }
  }
  function write(query: string, ...params: unknown[]): void {
    const db = readDatabase(harness.databasePath, { writable: true });
    try {
      db.run(query, ...params);
    } finally {
      db.close();
    }
  }
  const idOf = (url: string) => sql<{ id: number }>("select id from links where url = ?", url)[0]!.id;
  const notesOn = (url: string) => sql<{ text: string }>("select text from notes where link_id = ? and captured = 0 order by id", idOf(url)).map((n) => n.text);

  function session(id: number) {
    const chat = chatSession(harness, { id, first_name: `User${id}` });
    /** Presses a button and waits for the answer that matters: an edit of the text, or of the buttons alone. */
    async function pressFor(message: Message, label: string | RegExp, kind: "text" | "markup" = "text"): Promise<Message> {
      const since = harness.emulator.mark();
      chat.user().press(message, button(message, label).callback_data);
      if (kind === "text") return await nextEdit(harness.emulator, message, since);
      return (await harness.emulator.waitForCall("editMessageReplyMarkup", (c) => c.response.ok, { since })).response.result as Message;
    }
    /** Presses a button whose answer is only a toast; returns its text. */
    async function toast(message: Message, label: string | RegExp): Promise<string | undefined> {
      const since = harness.emulator.mark();
      chat.user().press(message, button(message, label).callback_data);
      return (await harness.emulator.waitForCall("answerCallbackQuery", undefined, { since })).payload.text as string | undefined;
    }
    async function reply(to: Message, text: string, answer: RegExp): Promise<Message> {
      const since = harness.emulator.mark();
      chat.user().reply(to, text);
      return await nextMessage(harness.emulator, id, since, answer);
    }
    async function send(text: string, answer: RegExp): Promise<Message> {
      const since = harness.emulator.mark();
      chat.user().sendText(text);
      return await nextMessage(harness.emulator, id, since, answer);
    }
    return { ...chat, pressFor, toast, reply, send };
  }

  it("/note goes to the link last opened and names it; Move takes it to another link; 🗑 Delete asks, then deletes", async () => {
    const ada = session(5001);
    await ada.save(A, "alpha");
    await ada.save(B, "beta");
    await ada.command(`/link_${idOf(A)}`, /alpha\.example\.org/);

    const noted = await ada.command("/note read this before the meeting", /Note added/);
    expect(noted.text).toBe("📝 Note added to alpha.example.org › a-first-page.");
    expect(buttonsOf(noted).map((b) => b.text)).toEqual(["Move", "🗑 Delete"]);
    expect(notesOn(A)).toEqual(["read this before the meeting"]);

    const picker = await ada.pressFor(noted, "Move");
    expect(picker.text).toContain("Move the note on alpha.example.org › a-first-page to which link?");
    expect(picker.text).toContain("1. beta.example.org › b-second-page");
    const moved = await ada.pressFor(picker, "1");
    expect(moved.text).toBe("📝 Note moved to beta.example.org › b-second-page.");
    expect(notesOn(A)).toEqual([]);
    expect(notesOn(B)).toEqual(["read this before the meeting"]);

    const asked = await ada.pressFor(moved, "🗑 Delete");
    expect(asked.text).toBe("Delete this note on beta.example.org › b-second-page?");
    expect(buttonsOf(asked).map((b) => b.text)).toEqual(["🗑 Yes, delete it", "Keep it"]);
    const kept = await ada.pressFor(asked, "Keep it");
    expect(kept.text).toBe("📝 Note added to beta.example.org › b-second-page.");
    const deleted = await ada.pressFor(await ada.pressFor(kept, "🗑 Delete"), "🗑 Yes, delete it");
    expect(deleted.text).toBe("🗑 Note deleted from beta.example.org › b-second-page.");
    expect(notesOn(B)).toEqual([]);
  });

  it("/note goes to a link sent again ('saved already')", async () => {
    const ada = session(5001);
    await ada.send(A, /Already saved/);
    expect((await ada.command("/note sent again, so noted here", /Note added/)).text).toContain("a-first-page");
    expect(notesOn(A)).toEqual(["sent again, so noted here"]);
  });

  it("a card lists its notes, each deletable after a confirmation and editable by sending the new text", async () => {
    const ada = session(5001);
    const card = await ada.command(`/link_${idOf(A)}`, /alpha\.example\.org/);
    expect(card.text).toContain("1 note\n1 · ");
    expect(buttonsOf(card).map((b) => b.text)).toEqual(["✅ Read", "🏷 Tags", "🗑 Delete", "✏️ Title", "🔄 Refetch", "✏️ 1", "🗑 1"]);

    // ✏️ 1: the bot asks, the next message is the note's new text, and the card shows it.
    let since = harness.emulator.mark();
    ada.user().press(card, button(card, "✏️ 1").callback_data);
    const prompt = await nextMessage(harness.emulator, 5001, since, /new text of this note/);
    expect(prompt.text).toContain("sent again, so noted here");
    since = harness.emulator.mark();
    ada.user().sendText("rewritten: the key part is section 3");
    await nextMessage(harness.emulator, 5001, since, /Note updated/);
    const redrawn = await nextEdit(harness.emulator, card, since);
    expect(redrawn.text).toContain("rewritten: the key part is section 3");
    expect(notesOn(A)).toEqual(["rewritten: the key part is section 3"]);

    // 🗑 1 asks first; "Keep it" leaves the note, "Delete note 1" deletes it and the card no longer lists it.
    const asked = await ada.pressFor(redrawn, "🗑 1", "markup");
    expect(buttonsOf(asked).map((b) => b.text)).toEqual(["🗑 Delete note 1", "Keep it"]);
    expect(notesOn(A)).toHaveLength(1);
    const gone = await ada.pressFor(asked, "🗑 Delete note 1");
    expect(gone.text).not.toContain("rewritten");
    expect(buttonsOf(gone).map((b) => b.text)).not.toContain("🗑 1");
    expect(notesOn(A)).toEqual([]);
  });

  it("a reply to page 2 of a list picks an item by its number on that page, or asks which one with that page's numbers", async () => {
    const cy = session(5002);
    const urls = Array.from({ length: 12 }, (_, i) => `https://list.example.org/item-${i + 1}`);
    await cy.save(urls.join("\n"), "");
    const first = await cy.command("/unread", /Unread/);
    expect(first.text).toMatch(/^📚 Unread: 12/);
    const second = await cy.pressFor(first, "▶");
    expect(second.text).toMatch(/^9\. list\.example\.org › item-9$/m);

    const noted = await cy.reply(second, "9 先看这个", /Note added/);
    expect(noted.text).toBe("📝 Note added to list.example.org › item-9.");
    expect(notesOn(urls[8]!)).toEqual(["先看这个"]);
    expect((await cy.reply(second, "#10 then this one", /Note added/)).text).toBe("📝 Note added to list.example.org › item-10.");
    expect(notesOn(urls[9]!)).toEqual(["then this one"]);

    const question = await cy.reply(second, "worth a slow read", /Which one/);
    expect(question.text).toContain("9–12");
    expect(buttonsOf(question).map((b) => b.text)).toEqual(["9", "10", "11", "12"]);
    const picked = await cy.pressFor(question, "11");
    expect(picked.text).toBe("📝 Note added to list.example.org › item-11.");
    expect(notesOn(urls[10]!)).toEqual(["worth a slow read"]);
    // Item 1 of page 1, where such notes used to go, got none.
    expect(notesOn(urls[0]!)).toEqual([]);
  });

  it("re-tags from the card in the card itself", async () => {
    const ada = session(5001);
    const card = await ada.command(`/link_${idOf(A)}`, /alpha\.example\.org/);
    expect(card.text).toContain("Tags: #alpha");
    const since = harness.emulator.mark();
    const picker = await ada.pressFor(card, "🏷 Tags", "markup");
    expect(buttonsOf(picker).map((b) => b.text)).toEqual(["✅ #alpha", "#beta", "＋ New tag", "✓ Done"]);
    const added = await ada.pressFor(picker, "#beta");
    expect(added.text).toContain("Tags: #alpha #beta");
    const removed = await ada.pressFor(added, "✅ #alpha");
    expect(removed.text).toContain("Tags: #beta");
    expect(buttonsOf(removed).map((b) => b.text)).toEqual(["#alpha", "✅ #beta", "＋ New tag", "✓ Done"]);
    const done = await ada.pressFor(removed, "✓ Done");
    expect(buttonsOf(done).map((b) => b.text)).toContain("🏷 Tags");
    // No new "Saved:" message: the card was the only thing that changed.
    expect(harness.emulator.callsOf("sendMessage", since)).toEqual([]);
    expect(sql("select t.name from link_tags lt join tags t on t.id = lt.tag_id where lt.link_id = ?", idOf(A))).toEqual([{ name: "beta" }]);
  });

  it("shows the link's number, ✏️ title and 🔄 refetch, a small preview of the page, and long notes folded", async () => {
    const ada = session(5001);
    await ada.command(`/link_${idOf(B)}`, /beta\.example\.org/);
    await ada.command(`/note ${LONG_NOTE}`, /Note added/);
    const since = harness.emulator.mark();
    const card = await ada.command(`/link_${idOf(B)}`, /beta\.example\.org/);
    expect(card.text).toContain(`№ ${idOf(B)}\n`);
    const sent = harness.emulator.callsOf("sendMessage", since).find((c) => String(c.payload.text).includes("b-second-page"))!;
    expect(sent.payload.link_preview_options).toEqual({ is_disabled: false, url: B, prefer_small_media: true });
    expect(card.entities).toContainEqual(expect.objectContaining({ type: "expandable_blockquote" }));

    expect(await ada.toast(card, "🔄 Refetch")).toBe("⏳ Fetching the page again…");
    let at = harness.emulator.mark();
    ada.user().press(card, button(card, "✏️ Title").callback_data);
    await nextMessage(harness.emulator, 5001, at, /new title for/);
    at = harness.emulator.mark();
    ada.user().sendText("Beta, the second page");
    await nextMessage(harness.emulator, 5001, at, /Title set/);
    expect(sql("select title from links where url = ?", B)).toEqual([{ title: "Beta, the second page" }]);
  });

  it("deletes naming the link, ↩️ Undo restores it with its tags and notes, and after the purge it is gone for good", async () => {
    const ada = session(5001);
    await ada.command(`/note keep me through the undo`, /Note added/);
    const id = idOf(B);
    const before = {
      tags: sql("select tag_id, tagged_at from link_tags where link_id = ? order by tag_id", id),
      notes: sql("select * from notes where link_id = ? order by id", id),
    };
    expect(before.notes).toHaveLength(2);
    const card = await ada.command(`/link_${id}`, /Beta, the second page/);
    const asked = await ada.pressFor(card, "🗑 Delete", "markup");
    const deleted = await ada.pressFor(asked, "🗑 Yes, delete");
    expect(deleted.text).toBe("🗑 Deleted Beta, the second page. Tap Undo within 10 minutes to bring it back with its tags and notes.");
    expect(buttonsOf(deleted).map((b) => b.text)).toEqual(["↩️ Undo"]);

    // Hidden everywhere meanwhile: its card, the lists, search; saving it again would be a new link.
    expect((await ada.command(`/link_${id}`)).text).toContain(`No link ${id}`);
    expect((await ada.command("/unread", /Unread/)).text).not.toContain("Beta, the second page");
    expect((await ada.command("/search second", /second/)).text).not.toContain(`/link_${id}`);

    const restored = await ada.pressFor(deleted, "↩️ Undo");
    expect(restored.text).toContain("Beta, the second page");
    expect(restored.text).toContain("keep me through the undo");
    expect(sql("select tag_id, tagged_at from link_tags where link_id = ? order by tag_id", id)).toEqual(before.tags);
    expect(sql("select * from notes where link_id = ? order by id", id)).toEqual(before.notes);
    expect((await ada.command("/search second", /second/)).text).toContain(`/link_${id}`);

    // Deleted again, and purged once its ten minutes are over: Undo is too late, and nothing of it is left.
    const again = await ada.pressFor(await ada.pressFor(restored, "🗑 Delete", "markup"), "🗑 Yes, delete");
    write("update deleted_links set deleted_at = deleted_at - 11 * 60000 where link_id = ?", id);
    await harness.bot.app.trashPurge.tick();
    expect(await ada.toast(again, "↩️ Undo")).toBe("Too late: that link is gone for good.");
    expect(sql("select count(*) as n from deleted_links")).toEqual([{ n: 0 }]);
    expect(sql("select count(*) as n from links where id = ?", id)).toEqual([{ n: 0 }]);
    expect(sql("select count(*) as n from notes where link_id = ?", id)).toEqual([{ n: 0 }]);
  });

  it("/notes file covers every note, a month-old one too, unless a period is named", async () => {
    const ada = session(5003);
    await ada.save("https://gamma.example.org/old-news", "");
    await ada.command("/note an old thought, from a month ago", /Note added/);
    write("update notes set created_at = created_at - 30 * cast(86400000 as bigint) where text = 'an old thought, from a month ago'");
    const since = harness.emulator.mark();
    ada.user().command("/notes file");
    const call = await harness.emulator.waitForCall("sendDocument", (c) => c.response.ok, { since });
    const markdown = harness.emulator.documentContent(call.response.result as Message)!.toString("utf8");
    expect(markdown).toContain("> an old thought, from a month ago");
    // The pages still start with the week.
    expect((await ada.command("/notes")).text).toMatch(/^No notes in /);
  });
});
