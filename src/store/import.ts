import type { DB } from "../db/connection.js";
import type { KeyedLink } from "../portable/merge.js";
import { reindexLinks } from "./search-index.js";

// 500 rows of at most 7 values per statement stay far below SQLite's limit on bound parameters.
const BATCH = 500;

export interface ImportResult {
  added: number;
  /** Links the user had already, that got a tag, a note, a read mark or an earlier date from the file. */
  updated: number;
  notesAdded: number;
}

function batches<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
}

/** Which of these de-duplication keys the user has saved already. */
export async function savedKeys(db: DB, userId: number, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of batches(keys)) {
    const rows = await db.selectFrom("links").select("url_key").where("user_id", "=", userId).where("url_key", "in", batch).execute();
    for (const row of rows) found.add(row.url_key);
  }
  return found;
}

type Existing = { id: number; url_key: string; title: string | null; saved_at: number; read_at: number | null };

async function insertNew(trx: DB, userId: number, links: KeyedLink[], now: number): Promise<Map<string, number>> {
  if (links.length === 0) return new Map();
  const rows = await trx
    .insertInto("links")
    .values(
      links.map((link) => {
        const savedAt = link.savedAt ?? now;
        return { user_id: userId, url: link.url, url_key: link.urlKey, title: link.title, source: null, saved_at: savedAt, read_at: link.read ? (link.readAt ?? savedAt) : null };
      }),
    )
    .returning(["id", "url_key"])
    .execute();
  return new Map(rows.map((row) => [row.url_key, row.id]));
}

/** Fills in what the file knows and the stored link lacks; true when anything changed. */
async function updateExisting(trx: DB, link: KeyedLink, stored: Existing): Promise<boolean> {
  const changes = {
    ...(stored.title === null && link.title !== null ? { title: link.title } : {}),
    ...(link.savedAt !== null && link.savedAt < stored.saved_at ? { saved_at: link.savedAt } : {}),
    ...(link.read && stored.read_at === null ? { read_at: link.readAt ?? link.savedAt ?? stored.saved_at } : {}),
  };
  if (Object.keys(changes).length === 0) return false;
  await trx.updateTable("links").set(changes).where("id", "=", stored.id).execute();
  return true;
}

/** Adds the tags the links lack; returns the ids of links that got one. */
async function addTags(trx: DB, userId: number, linkIds: Map<KeyedLink, number>, now: number): Promise<Set<number>> {
  const names = [...new Set([...linkIds.keys()].flatMap((link) => link.tags))];
  if (names.length === 0) return new Set();
  await trx.insertInto("tags").values(names.map((name) => ({ user_id: userId, name }))).onConflict((oc) => oc.doNothing()).execute();
  const tags = await trx.selectFrom("tags").select(["id", "name"]).where("user_id", "=", userId).where("name", "in", names).execute();
  const tagId = new Map(tags.map((tag) => [tag.name, tag.id]));
  const pairs = [...linkIds].flatMap(([link, linkId]) => link.tags.map((name) => ({ link_id: linkId, tag_id: tagId.get(name)!, tagged_at: now })));
  if (pairs.length === 0) return new Set();
  const inserted = await trx.insertInto("link_tags").values(pairs).onConflict((oc) => oc.doNothing()).returning("link_id").execute();
  return new Set(inserted.map((row) => row.link_id));
}

/** Adds the notes whose text the link does not have yet; returns how many and on which links. */
async function addNotes(trx: DB, userId: number, linkIds: Map<KeyedLink, number>): Promise<{ count: number; linkIds: Set<number> }> {
  const ids = [...linkIds.values()];
  const stored = await trx.selectFrom("notes").select(["link_id", "text"]).where("link_id", "in", ids).execute();
  const known = new Set(stored.map((note) => `${note.link_id}\u0000${note.text}`));
  const rows = [...linkIds].flatMap(([link, linkId]) =>
    link.notes
      .filter((note) => !known.has(`${linkId}\u0000${note.text}`))
      .map((note) => {
        const createdAt = note.createdAt ?? link.savedAt ?? 0;
        return { user_id: userId, link_id: linkId, text: note.text, created_at: createdAt, updated_at: createdAt, chat_id: null, message_id: null };
      }),
  );
  if (rows.length > 0) await trx.insertInto("notes").values(rows).execute();
  return { count: rows.length, linkIds: new Set(rows.map((row) => row.link_id)) };
}

/**
 * Stores the links of an import file, all or nothing: one transaction. Links the user has already get
 * only what they lack, so importing the same file twice adds nothing the second time. `onProgress` is
 * told how many links are done after each batch; it must not wait on Telegram (the database is held).
 */
export async function importLinks(db: DB, userId: number, links: readonly KeyedLink[], now: number, onProgress?: (done: number) => void): Promise<ImportResult> {
  return await db.transaction().execute(async (trx) => {
    const result: ImportResult = { added: 0, updated: 0, notesAdded: 0 };
    let done = 0;
    for (const batch of batches(links)) {
      const existing = await trx
        .selectFrom("links")
        .select(["id", "url_key", "title", "saved_at", "read_at"])
        .where("user_id", "=", userId)
        .where("url_key", "in", batch.map((link) => link.urlKey))
        .execute();
      const stored = new Map(existing.map((row) => [row.url_key, row]));
      const added = await insertNew(trx, userId, batch.filter((link) => !stored.has(link.urlKey)), now);
      const changed = new Set<number>();
      for (const link of batch) {
        const row = stored.get(link.urlKey);
        if (row && (await updateExisting(trx, link, row))) changed.add(row.id);
      }
      const linkIds = new Map(batch.map((link) => [link, added.get(link.urlKey) ?? stored.get(link.urlKey)!.id]));
      const tagged = await addTags(trx, userId, linkIds, now);
      const noted = await addNotes(trx, userId, linkIds);
      const addedIds = new Set(added.values());
      const touched = new Set([...addedIds, ...changed, ...tagged, ...noted.linkIds]);
      await reindexLinks(trx, [...touched]);
      result.added += addedIds.size;
      result.updated += [...touched].filter((id) => !addedIds.has(id)).length;
      result.notesAdded += noted.count;
      done += batch.length;
      onProgress?.(done);
    }
    return result;
  });
}
