import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import type { Link, Note } from "../db/schema.js";
import type { TimeRange } from "../notes/args.js";
import type { NoteEntry, NotesTotals } from "../notes/entries.js";
import { pageOf, type Page } from "../recall/pagination.js";
import { rememberLinkMessage } from "./links.js";
import { reindexLinks } from "./search-index.js";
import { hasEveryTag, tagsOfLinks } from "./tags.js";

/** A Telegram message, by the ids an edit or a reply names it with. */
export interface MessageRef {
  chatId: number;
  messageId: number;
}

export interface NewNote {
  userId: number;
  linkId: number;
  text: string;
  /** The user's message the note came from: edits of it update the note, replies to it add notes. */
  source: MessageRef;
  now: number;
}

export type MoveOutcome = "moved" | "same" | "not-found";

/** Which notes a summary covers. */
export interface NoteScope {
  /** Only notes on links that carry every one of these tags. */
  tags: readonly string[];
  range: TimeRange | null;
}

async function noteOfMessage(db: DB, userId: number, ref: MessageRef): Promise<Note | undefined> {
  return (await notesOfMessage(db, userId, ref))[0];
}

async function ownsLink(db: DB, userId: number, linkId: number): Promise<boolean> {
  return (await db.selectFrom("links").select("id").where("id", "=", linkId).where("user_id", "=", userId).executeTakeFirst()) !== undefined;
}

/**
 * Adds a note to one of the user's links (undefined when the link is not theirs). A message that already
 * became a note (an update handled twice after a restart) keeps its one note, which comes back as it is.
 */
export async function addNote(db: DB, note: NewNote): Promise<Note | undefined> {
  return await db.transaction().execute(async (trx) => {
    if (!(await ownsLink(trx, note.userId, note.linkId))) return undefined;
    const existing = await noteOfMessage(trx, note.userId, note.source);
    if (existing) return existing;
    const inserted = await trx
      .insertInto("notes")
      .values({
        user_id: note.userId,
        link_id: note.linkId,
        text: note.text,
        created_at: note.now,
        updated_at: note.now,
        chat_id: note.source.chatId,
        message_id: note.source.messageId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await rememberLinkMessage(trx, note.source.chatId, note.source.messageId, [note.linkId]);
    await reindexLinks(trx, [note.linkId]);
    return inserted;
  });
}

/**
 * Gives the notes of a message its new text (one note, or one per link of a message that was saved with its
 * words); false when that message is no note of this user.
 */
export async function updateNoteText(db: DB, userId: number, source: MessageRef, text: string, now: number): Promise<boolean> {
  return await db.transaction().execute(async (trx) => {
    const notes = await notesOfMessage(trx, userId, source);
    if (notes.length === 0) return false;
    const changed = notes.filter((note) => note.text !== text);
    if (changed.length === 0) return true;
    await trx
      .updateTable("notes")
      .set({ text, updated_at: now })
      .where(
        "id",
        "in",
        changed.map((note) => note.id),
      )
      .execute();
    await reindexLinks(
      trx,
      changed.map((note) => note.link_id),
    );
    return true;
  });
}

/** Takes back the notes a message became (the Undo under "note added"); returns the links they were on. */
export async function deleteNotesOfMessage(db: DB, userId: number, source: MessageRef): Promise<number[]> {
  return await db.transaction().execute(async (trx) => {
    const notes = await notesOfMessage(trx, userId, source);
    if (notes.length === 0) return [];
    await trx
      .deleteFrom("notes")
      .where(
        "id",
        "in",
        notes.map((note) => note.id),
      )
      .execute();
    const linkIds = [...new Set(notes.map((note) => note.link_id))];
    await reindexLinks(trx, linkIds);
    return linkIds;
  });
}

/** Notes of several links from one message: a sentence typed while a question about them was open. */
export async function addNoteToLinks(db: DB, note: Omit<NewNote, "linkId"> & { linkIds: readonly number[] }): Promise<number[]> {
  return await db.transaction().execute(async (trx) => {
    const owned = await trx.selectFrom("links").select("id").where("user_id", "=", note.userId).where("id", "in", note.linkIds).execute();
    const already = new Set((await notesOfMessage(trx, note.userId, note.source)).map((existing) => existing.link_id));
    const fresh = owned.map((row) => row.id).filter((id) => !already.has(id));
    if (fresh.length > 0) {
      await trx
        .insertInto("notes")
        .values(
          fresh.map((linkId) => ({
            user_id: note.userId,
            link_id: linkId,
            text: note.text,
            created_at: note.now,
            updated_at: note.now,
            chat_id: note.source.chatId,
            message_id: note.source.messageId,
          })),
        )
        .execute();
      await rememberLinkMessage(trx, note.source.chatId, note.source.messageId, fresh);
      await reindexLinks(trx, fresh);
    }
    return owned.map((row) => row.id);
  });
}

async function notesOfMessage(db: DB, userId: number, ref: MessageRef): Promise<Note[]> {
  return await db
    .selectFrom("notes")
    .selectAll()
    .where("user_id", "=", userId)
    .where("chat_id", "=", ref.chatId)
    .where("message_id", "=", ref.messageId)
    .execute();
}

/** Drops notes kept from the words a link was sent with when they only repeat the title its page turned out to have. */
export async function dropCapturedNotesRepeating(db: DB, linkId: number, repeats: (text: string) => boolean): Promise<boolean> {
  const captured = await db.selectFrom("notes").select(["id", "text"]).where("link_id", "=", linkId).where("captured", "=", 1).execute();
  const repeating = captured.filter((note) => repeats(note.text)).map((note) => note.id);
  if (repeating.length === 0) return false;
  await db.deleteFrom("notes").where("id", "in", repeating).execute();
  return true;
}

/**
 * Moves the user's note to another of their links. The messages that name the note's link (the one it came
 * from, and `shownIn`, the confirmation) follow it, so a reply to them reaches the link the note is on now.
 */
export async function moveNote(db: DB, userId: number, noteId: number, linkId: number, now: number, shownIn?: MessageRef): Promise<MoveOutcome> {
  return await db.transaction().execute(async (trx) => {
    const note = await trx.selectFrom("notes").selectAll().where("id", "=", noteId).where("user_id", "=", userId).executeTakeFirst();
    if (!note || !(await ownsLink(trx, userId, linkId))) return "not-found";
    if (note.link_id === linkId) return "same";
    await trx.updateTable("notes").set({ link_id: linkId, updated_at: now }).where("id", "=", note.id).execute();
    const messages = [shownIn, note.chat_id !== null && note.message_id !== null ? { chatId: note.chat_id, messageId: note.message_id } : undefined];
    for (const message of messages) {
      if (!message) continue;
      await trx
        .deleteFrom("link_messages")
        .where("chat_id", "=", message.chatId)
        .where("message_id", "=", message.messageId)
        .where("link_id", "=", note.link_id)
        .execute();
      await rememberLinkMessage(trx, message.chatId, message.messageId, [linkId]);
    }
    await reindexLinks(trx, [note.link_id, linkId]);
    return "moved";
  });
}

/** The user's links a message speaks about, in the order the message named them. */
export async function linksOfMessage(db: DB, userId: number, ref: MessageRef): Promise<Link[]> {
  return await db
    .selectFrom("link_messages")
    .innerJoin("links", "links.id", "link_messages.link_id")
    .selectAll("links")
    .where("link_messages.chat_id", "=", ref.chatId)
    .where("link_messages.message_id", "=", ref.messageId)
    .where("links.user_id", "=", userId)
    // Rows of one message are inserted in one statement, in the message's order: rowid keeps that order.
    .orderBy(sql`link_messages.rowid`)
    .execute();
}

export async function latestLink(db: DB, userId: number): Promise<Link | undefined> {
  return await db.selectFrom("links").selectAll().where("user_id", "=", userId).orderBy("saved_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
}

/** One of the user's notes, with the link it is on; undefined when it is not theirs (or gone). */
export async function findNote(db: DB, userId: number, noteId: number): Promise<{ note: Note; link: Link } | undefined> {
  const note = await db.selectFrom("notes").selectAll().where("id", "=", noteId).where("user_id", "=", userId).executeTakeFirst();
  const link = note && (await db.selectFrom("links").selectAll().where("id", "=", note.link_id).where("user_id", "=", userId).executeTakeFirst());
  return note && link ? { note, link } : undefined;
}

/** Deletes one of the user's notes; returns the link it was on, or undefined when it is not theirs. */
export async function deleteNote(db: DB, userId: number, noteId: number): Promise<number | undefined> {
  return await db.transaction().execute(async (trx) => {
    const note = await trx.selectFrom("notes").select(["id", "link_id"]).where("id", "=", noteId).where("user_id", "=", userId).executeTakeFirst();
    if (!note) return undefined;
    await trx.deleteFrom("notes").where("id", "=", note.id).execute();
    await reindexLinks(trx, [note.link_id]);
    return note.link_id;
  });
}

/** Gives one of the user's notes new text; false when it is not theirs. */
export async function setNoteText(db: DB, userId: number, noteId: number, text: string, now: number): Promise<boolean> {
  return await db.transaction().execute(async (trx) => {
    const note = await trx.selectFrom("notes").select(["id", "link_id"]).where("id", "=", noteId).where("user_id", "=", userId).executeTakeFirst();
    if (!note) return false;
    // Typed anew: no longer the words the link was sent with, so a page title never drops it.
    await trx.updateTable("notes").set({ text, updated_at: now, captured: 0 }).where("id", "=", note.id).execute();
    await reindexLinks(trx, [note.link_id]);
    return true;
  });
}

/**
 * The user's notes in scope. Links are not joined: a note is only ever put on its owner's link (addNote,
 * moveNote), and without the join counting and ordering read nothing but the (user, time, link) index.
 */
function scopedNotes(db: DB, userId: number, scope: NoteScope) {
  let query = db.selectFrom("notes").where("notes.user_id", "=", userId);
  if (scope.range) query = query.where("notes.created_at", ">=", scope.range.start).where("notes.created_at", "<", scope.range.end);
  if (scope.tags.length > 0) query = query.where(hasEveryTag(userId, scope.tags, "notes.link_id"));
  return query;
}

export async function countNotes(db: DB, userId: number, scope: NoteScope): Promise<NotesTotals> {
  return await scopedNotes(db, userId, scope)
    .select([sql<number>`count(*)`.as("notes"), sql<number>`count(distinct notes.link_id)`.as("links")])
    .executeTakeFirstOrThrow();
}

/**
 * Links by their newest note in scope, each link's notes in the order they were written; `page` cuts a slice.
 * The order is worked out on the index alone, and only the slice's notes and links are read.
 */
async function orderedNotes(db: DB, userId: number, scope: NoteScope, page?: Page): Promise<NoteEntry[]> {
  let ordered = scopedNotes(db, userId, scope)
    .select(["notes.id", sql<number>`max(notes.created_at) over (partition by notes.link_id)`.as("latest")])
    .orderBy("latest", "desc")
    .orderBy("notes.link_id", "desc")
    .orderBy("notes.created_at")
    .orderBy("notes.id");
  if (page) ordered = ordered.limit(page.size).offset(page.offset);
  const rows = await db
    .with("ordered", () => ordered)
    .selectFrom("ordered")
    .innerJoin("notes", "notes.id", "ordered.id")
    .innerJoin("links", "links.id", "notes.link_id")
    .select(["notes.id", "notes.link_id", "notes.text", "notes.created_at", "links.url", "links.title"])
    .where("links.user_id", "=", userId)
    .orderBy("ordered.latest", "desc")
    .orderBy("notes.link_id", "desc")
    .orderBy("notes.created_at")
    .orderBy("notes.id")
    .execute();
  const tags = await tagsOfLinks(db, [...new Set(rows.map((row) => row.link_id))]);
  return rows.map((row) => ({ ...row, tags: tags.get(row.link_id) ?? [] }));
}

/** Page `requested` of the summary (a page past the end shows the last one), with the totals of the whole scope. */
export async function notesPage(db: DB, userId: number, scope: NoteScope, requested: number, size: number) {
  const totals = await countNotes(db, userId, scope);
  const page = pageOf(totals.notes, requested, size);
  return { totals, page, notes: await orderedNotes(db, userId, scope, page) };
}

export async function allNotes(db: DB, userId: number, scope: NoteScope): Promise<NoteEntry[]> {
  return await orderedNotes(db, userId, scope);
}
