import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import type { KeyedLink } from "../portable/merge.js";
import { chunks, idsIn, rowsOf, textsIn } from "./bulk.js";
import { FETCH_PRIORITY } from "./page-info.js";
import { indexLinksAsGiven, reindexLinks, type IndexedLink } from "./search-index.js";
import { tagIdsCreatingMissing } from "./tags.js";

// A batch is the unit of progress; 500 keys per `in` list (savedKeys) also stay far below SQLite's limit on bound parameters.
const BATCH = 500;

export interface ImportResult {
  added: number;
  /** Links the user had already, that got a tag, a note, a read mark or an earlier date from the file. */
  updated: number;
  notesAdded: number;
  /** New links without a title in the file, queued for their page title behind live saves. */
  titlesQueued: number;
}

/** Which of these de-duplication keys the user has saved already. */
export async function savedKeys(db: DB, userId: number, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunks(keys, BATCH)) {
    const rows = await db.selectFrom("links").select("url_key").where("user_id", "=", userId).where("url_key", "in", batch).execute();
    for (const row of rows) found.add(row.url_key);
  }
  return found;
}

type Stored = { id: number; url_key: string; title: string | null; saved_at: number; read_at: number | null };

async function storedLinks(trx: DB, userId: number, links: readonly KeyedLink[]): Promise<Map<string, Stored>> {
  const { rows } = await sql<Stored>`
    select id, url_key, title, saved_at, read_at from links
    where user_id = ${userId} and url_key in ${textsIn(
      trx,
      links.map((link) => link.urlKey),
    )}`.execute(trx);
  return new Map(rows.map((row) => [row.url_key, row]));
}

async function insertNew(trx: DB, userId: number, links: readonly KeyedLink[], now: number): Promise<Map<string, number>> {
  if (links.length === 0) return new Map();
  const rows = links.map((link) => {
    const savedAt = link.savedAt ?? now;
    return [link.url, link.urlKey, link.title, savedAt, link.read ? (link.readAt ?? savedAt) : null, link.source ?? null];
  });
  const columns = [
    ["url", "text"],
    ["url_key", "text"],
    ["title", "text"],
    ["saved_at", "integer"],
    ["read_at", "integer"],
    ["source", "text"],
  ] as const;
  // Rows come in the array's order, so ids are handed out in the file's order. A title from the file is the
  // user's own, which no fetch replaces. Only untitled links are queued: fetching thousands of old pages the user
  // titled already would cost their sites a lot for a description and a reading time (/refetch gets those).
  const inserted = await sql<{ id: number; url_key: string }>`
    insert into links (user_id, url, url_key, title, title_source, saved_at, read_at, fetch_status, fetch_next_at, fetch_priority, source)
    select ${userId}, item.url, item.url_key, item.title,
      case when item.title is null then null else 'user' end, item.saved_at, item.read_at,
      case when item.title is null then 'pending' else 'done' end, case when item.title is null then cast(${now} as bigint) end,
      ${FETCH_PRIORITY.background}, item.source
    from ${rowsOf(trx, rows, columns)} as item
    returning id, url_key`.execute(trx);
  return new Map(inserted.rows.map((row) => [row.url_key, row.id]));
}

/** What the file knows and the stored link lacks, as the link's new [id, title, saved_at, read_at]; null when nothing changes. */
function filledIn(link: KeyedLink, stored: Stored): [number, string | null, number, number | null] | null {
  const title = stored.title ?? link.title;
  const savedAt = link.savedAt !== null && link.savedAt < stored.saved_at ? link.savedAt : stored.saved_at;
  const readAt = link.read && stored.read_at === null ? (link.readAt ?? link.savedAt ?? stored.saved_at) : stored.read_at;
  if (title === stored.title && savedAt === stored.saved_at && readAt === stored.read_at) return null;
  return [stored.id, title, savedAt, readAt];
}

/** Fills in the stored links from the file; returns the ids of those that changed. */
async function updateExisting(trx: DB, links: readonly KeyedLink[], stored: Map<string, Stored>): Promise<Set<number>> {
  const changes = links.flatMap((link) => {
    const row = stored.get(link.urlKey);
    const changed = row && filledIn(link, row);
    return changed ? [changed] : [];
  });
  if (changes.length > 0) {
    // A title filled in from the file is the user's, like one given at import (the old values are read on the right).
    const columns = [
      ["id", "integer"],
      ["title", "text"],
      ["saved_at", "integer"],
      ["read_at", "integer"],
    ] as const;
    await sql`
      update links set title = item.title, saved_at = item.saved_at, read_at = item.read_at,
        title_source = case when links.title is null and item.title is not null then 'user' else links.title_source end
      from ${rowsOf(trx, changes, columns)} as item
      where links.id = item.id`.execute(trx);
  }
  return new Set(changes.map(([id]) => id));
}

/** Adds the tags the links lack; returns the ids of links that got one. */
async function addTags(trx: DB, userId: number, linkIds: Map<KeyedLink, number>, now: number): Promise<Set<number>> {
  const names = [...new Set([...linkIds.keys()].flatMap((link) => link.tags))];
  if (names.length === 0) return new Set();
  const tagId = await tagIdsCreatingMissing(trx, userId, names);
  const pairs = [...linkIds].flatMap(([link, linkId]) => link.tags.map((name) => [linkId, tagId.get(name)!]));
  if (pairs.length === 0) return new Set();
  // `where true` lets SQLite tell the upsert's `on conflict` from a join constraint of the select.
  const inserted = await sql<{ link_id: number }>`
    insert into link_tags (link_id, tag_id, tagged_at)
    select item.link_id, item.tag_id, ${now} from ${rowsOf(trx, pairs, [
      ["link_id", "integer"],
      ["tag_id", "integer"],
    ])} as item where true
    on conflict do nothing
    returning link_id`.execute(trx);
  return new Set(inserted.rows.map((row) => row.link_id));
}

/** A link this import added, as its search row is written: it has exactly the file's tags and notes. */
function addedLink(userId: number, id: number, link: KeyedLink): IndexedLink {
  // The order the stored rows are read back in: tags by name, notes oldest first, then in insertion order.
  const notes = link.notes.map((note, i) => ({ text: note.text, at: note.createdAt ?? link.savedAt ?? 0, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  const tags = [...new Set(link.tags)].sort();
  return {
    id,
    user_id: userId,
    url: link.url,
    title: link.title,
    fetched_title: null,
    source: link.source ?? null,
    site_name: null,
    tags: tags.length > 0 ? tags.join(" ") : null,
    notes: notes.length > 0 ? notes.map((note) => note.text).join("\n") : null,
  };
}

const noteKey = (linkId: number, text: string) => `${linkId}\u0000${text}`;

async function storedNoteKeys(trx: DB, linkIds: readonly number[]): Promise<Set<string>> {
  if (linkIds.length === 0) return new Set();
  const { rows } = await sql<{ link_id: number; text: string }>`
    select link_id, text from notes where link_id in ${idsIn(trx, linkIds)}`.execute(trx);
  return new Set(rows.map((note) => noteKey(note.link_id, note.text)));
}

/** Adds the notes whose text the link does not have yet; returns how many and on which links. */
async function addNotes(
  trx: DB,
  userId: number,
  linkIds: Map<KeyedLink, number>,
  storedIds: readonly number[],
): Promise<{ count: number; linkIds: Set<number> }> {
  // Links added by this batch have no notes yet: only the ones the user had are worth a look.
  const known = await storedNoteKeys(trx, storedIds);
  const rows = [...linkIds].flatMap(([link, linkId]) =>
    link.notes.filter((note) => !known.has(noteKey(linkId, note.text))).map((note) => [linkId, note.text, note.createdAt ?? link.savedAt ?? 0] as const),
  );
  if (rows.length > 0) {
    await sql`
      insert into notes (user_id, link_id, text, created_at, updated_at)
      select ${userId}, item.link_id, item.text, item.created_at, item.created_at
      from ${rowsOf(trx, rows, [
        ["link_id", "integer"],
        ["text", "text"],
        ["created_at", "integer"],
      ])} as item`.execute(trx);
  }
  return { count: rows.length, linkIds: new Set(rows.map(([linkId]) => linkId)) };
}

/**
 * Stores the links of an import file, all or nothing: one transaction. Links the user has already get
 * only what they lack, so importing the same file twice adds nothing the second time. `onProgress` is
 * told how many links are done after each batch; it must not wait on Telegram (the database is held).
 */
export async function importLinks(
  db: DB,
  userId: number,
  links: readonly KeyedLink[],
  now: number,
  onProgress?: (done: number) => void,
): Promise<ImportResult> {
  return await db.transaction().execute(async (trx) => {
    const result: ImportResult = { added: 0, updated: 0, notesAdded: 0, titlesQueued: 0 };
    let done = 0;
    for (const batch of chunks(links, BATCH)) {
      const stored = await storedLinks(trx, userId, batch);
      const added = await insertNew(
        trx,
        userId,
        batch.filter((link) => !stored.has(link.urlKey)),
        now,
      );
      const changed = await updateExisting(trx, batch, stored);
      const linkIds = new Map(batch.map((link) => [link, added.get(link.urlKey) ?? stored.get(link.urlKey)!.id]));
      const tagged = await addTags(trx, userId, linkIds, now);
      const noted = await addNotes(
        trx,
        userId,
        linkIds,
        [...stored.values()].map((row) => row.id),
      );
      const addedIds = new Set(added.values());
      const updated = [...new Set([...changed, ...tagged, ...noted.linkIds])].filter((id) => !addedIds.has(id));
      await indexLinksAsGiven(
        trx,
        batch.filter((link) => added.has(link.urlKey)).map((link) => addedLink(userId, added.get(link.urlKey)!, link)),
      );
      await reindexLinks(trx, updated);
      result.added += addedIds.size;
      result.updated += updated.length;
      result.notesAdded += noted.count;
      result.titlesQueued += batch.filter((link) => link.title === null && added.has(link.urlKey)).length;
      done += batch.length;
      onProgress?.(done);
    }
    return result;
  });
}
