import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { captureLinks } from "../../src/capture/capture-links.js";
import type { DB } from "../../src/db/connection.js";
import { rememberLinkMessage } from "../../src/store/links.js";
import { addNote, allNotes, countNotes, latestLink, linksOfMessage, moveNote, notesPage, updateNoteText, type NoteScope } from "../../src/store/notes.js";
import { replaceLinkTags } from "../../src/store/tags.js";
import { addUser, createTestDatabase } from "../support/test-db.js";

let db: DB;
let message = 100;

beforeEach(async () => {
  db = await createTestDatabase();
  await addUser(db, 1);
  await addUser(db, 2);
});
afterEach(async () => db.destroy());

async function saveLinks(userId: number, now: number, ...urls: string[]): Promise<number[]> {
  const { saved } = await captureLinks(db, userId, { links: urls.map((url) => ({ url, title: null })), source: null }, now);
  return saved.map((link) => link.id);
}

/** A note from a fresh message in the user's chat (chat id = user id, as in private chats). */
async function note(userId: number, linkId: number, text: string, now = 1000) {
  const source = { chatId: userId, messageId: ++message };
  return { note: await addNote(db, { userId, linkId, text, source, now }), source };
}

const storedNotes = () => db.selectFrom("notes").select(["id", "user_id", "link_id", "text", "updated_at"]).orderBy("id").execute();
const linkIdsOf = async (userId: number, ref: { chatId: number; messageId: number }) => (await linksOfMessage(db, userId, ref)).map((link) => link.id);

describe("adding notes", () => {
  it("stores the text exactly and remembers its message as one about the link", async () => {
    const [linkId] = await saveLinks(1, 0, "https://example.org/a");
    const text = "  第一行 😀\n\n    code()\n<b>x</b>";
    const { note: added, source } = await note(1, linkId!, text);
    expect(added).toMatchObject({ user_id: 1, link_id: linkId, text, chat_id: 1, message_id: source.messageId, created_at: 1000 });
    expect(await linkIdsOf(1, source)).toEqual([linkId]);
  });

  it("refuses another user's link and keeps one note per message when an update comes twice", async () => {
    const [theirs] = await saveLinks(2, 0, "https://example.org/theirs");
    const [mine] = await saveLinks(1, 0, "https://example.org/mine");
    expect((await note(1, theirs!, "sneaky")).note).toBeUndefined();

    const source = { chatId: 1, messageId: 7 };
    const first = await addNote(db, { userId: 1, linkId: mine!, text: "once", source, now: 1 });
    const again = await addNote(db, { userId: 1, linkId: mine!, text: "once", source, now: 2 });
    expect(again).toEqual(first);
    expect(await storedNotes()).toEqual([expect.objectContaining({ user_id: 1, link_id: mine, text: "once" })]);
  });

  it("finds the latest saved link of the user only", async () => {
    await saveLinks(1, 10, "https://example.org/old");
    const [newest] = await saveLinks(1, 20, "https://example.org/new");
    await saveLinks(2, 30, "https://example.org/someone-else");
    expect((await latestLink(db, 1))?.id).toBe(newest);
    await addUser(db, 3);
    expect(await latestLink(db, 3)).toBeUndefined();
  });
});

describe("the links a message is about", () => {
  it("come in the order the message named them, and only the user's", async () => {
    const ids = await saveLinks(1, 0, "https://e.org/1", "https://e.org/2", "https://e.org/3");
    const [theirs] = await saveLinks(2, 0, "https://e.org/x");
    const ref = { chatId: 1, messageId: 50 };
    await rememberLinkMessage(db, ref.chatId, ref.messageId, [ids[2]!, theirs!, ids[0]!, ids[1]!]);
    expect(await linkIdsOf(1, ref)).toEqual([ids[2], ids[0], ids[1]]);
    expect(await linkIdsOf(2, ref)).toEqual([theirs]);
    expect(await linkIdsOf(1, { chatId: 1, messageId: 51 })).toEqual([]);
  });
});

describe("editing notes", () => {
  it("gives the note its message's new text and time, for that user only", async () => {
    const [linkId] = await saveLinks(1, 0, "https://example.org/a");
    const { source } = await note(1, linkId!, "first");
    expect(await updateNoteText(db, 2, source, "hijacked", 5000)).toBe(false);
    expect(await updateNoteText(db, 1, { chatId: 1, messageId: 9999 }, "nothing", 5000)).toBe(false);
    expect(await updateNoteText(db, 1, source, "second\nline", 5000)).toBe(true);
    expect(await storedNotes()).toEqual([expect.objectContaining({ text: "second\nline", updated_at: 5000 })]);
  });
});

describe("moving notes", () => {
  it("moves the note and the messages naming its link along with it", async () => {
    const [a, b] = await saveLinks(1, 0, "https://e.org/a", "https://e.org/b");
    const { note: added, source } = await note(1, a!, "idea");
    const confirmation = { chatId: 1, messageId: 900 };
    await rememberLinkMessage(db, 1, 900, [a!]);

    expect(await moveNote(db, 1, added!.id, b!, 2000, confirmation)).toBe("moved");
    expect(await storedNotes()).toEqual([expect.objectContaining({ link_id: b, updated_at: 2000 })]);
    expect(await linkIdsOf(1, confirmation)).toEqual([b]);
    expect(await linkIdsOf(1, source)).toEqual([b]);
    expect(await moveNote(db, 1, added!.id, b!, 3000, confirmation)).toBe("same");
  });

  it("changes nothing for another user's note or link", async () => {
    const [a, b] = await saveLinks(1, 0, "https://e.org/a", "https://e.org/b");
    const [theirLink] = await saveLinks(2, 0, "https://e.org/theirs");
    const { note: mine } = await note(1, a!, "mine");
    const { note: theirs } = await note(2, theirLink!, "theirs");
    const before = await storedNotes();

    expect(await moveNote(db, 1, theirs!.id, a!, 2000)).toBe("not-found");
    expect(await moveNote(db, 2, mine!.id, theirLink!, 2000)).toBe("not-found");
    expect(await moveNote(db, 1, mine!.id, theirLink!, 2000)).toBe("not-found");
    expect(await moveNote(db, 1, 987_654, b!, 2000)).toBe("not-found");
    expect(await storedNotes()).toEqual(before);
  });
});

describe("summaries", () => {
  const DAY = 86_400_000;
  const everything: NoteScope = { tags: [], range: null };
  let rust: number, elixir: number, both: number;

  beforeEach(async () => {
    [rust, elixir, both] = (await saveLinks(1, 0, "https://e.org/rust", "https://e.org/elixir", "https://e.org/both")) as [number, number, number];
    await replaceLinkTags(db, 1, [rust, both], ["rust"], 0);
    await replaceLinkTags(db, 1, [elixir], ["elixir"], 0);
    await replaceLinkTags(db, 1, [both], ["rust", "elixir"], 0);
    await note(1, rust, "r1", 1 * DAY);
    await note(1, elixir, "e1", 2 * DAY);
    await note(1, rust, "r2", 3 * DAY);
    await note(1, both, "b1", 4 * DAY);
    const [other] = await saveLinks(2, 0, "https://e.org/rust");
    await note(2, other!, "not yours", 3 * DAY);
  });

  const texts = async (scope: NoteScope) => (await allNotes(db, 1, scope)).map((n) => n.text);

  it("orders links by their newest note, each link's notes as written, with the link's tags", async () => {
    const notes = await allNotes(db, 1, everything);
    expect(notes.map((n) => [n.text, n.tags])).toEqual([
      ["b1", ["elixir", "rust"]],
      ["r1", ["rust"]],
      ["r2", ["rust"]],
      ["e1", ["elixir"]],
    ]);
    expect(notes[1]).toMatchObject({ url: "https://e.org/rust", title: null, link_id: rust, created_at: DAY });
    expect(await countNotes(db, 1, everything)).toEqual({ notes: 4, links: 3 });
  });

  it("takes the period's start and leaves its end out", async () => {
    const scope = { tags: [], range: { start: 2 * DAY, end: 4 * DAY } };
    expect(await texts(scope)).toEqual(["r2", "e1"]);
    expect(await countNotes(db, 1, scope)).toEqual({ notes: 2, links: 2 });
  });

  it("keeps only links that carry every tag asked for", async () => {
    expect(await texts({ tags: ["rust"], range: null })).toEqual(["b1", "r1", "r2"]);
    expect(await texts({ tags: ["rust", "elixir"], range: null })).toEqual(["b1"]);
    expect(await texts({ tags: ["nope"], range: null })).toEqual([]);
  });

  it("cuts pages in the summary's order, a page past the end showing the last one", async () => {
    const second = await notesPage(db, 1, everything, 1, 3);
    expect(second.totals).toEqual({ notes: 4, links: 3 });
    expect(second.page).toMatchObject({ index: 1, count: 2 });
    expect(second.notes.map((n) => n.text)).toEqual(["e1"]);
    expect((await notesPage(db, 1, everything, 99, 3)).notes.map((n) => n.text)).toEqual(["e1"]);
    expect((await notesPage(db, 2, everything, 0, 3)).notes.map((n) => n.text)).toEqual(["not yours"]);
  });
});
