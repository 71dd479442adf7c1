import { sql, type Insertable } from "kysely";
import type { DB } from "../db/connection.js";
import type { LinkSearchTable } from "../db/schema.js";
import { ownerPrefix } from "../search/query.js";
import { ownedText, searchText, urlSearchText } from "../search/search-text.js";
import { tagsOfLinks } from "./tags.js";

/**
 * Bump whenever the search text is prepared differently (src/search/): the next start rebuilds the index,
 * since rows written by older code would not match the new queries.
 */
export const SEARCH_INDEX_VERSION = 3;
const VERSION_KEY = "search_index_version";
// 500 rows of 6 values stay far below SQLite's limit on bound parameters per statement.
const BATCH_SIZE = 500;

/** The texts of each link's notes, oldest first. */
export async function notesOfLinks(db: DB, linkIds: readonly number[]): Promise<Map<number, string[]>> {
  const byLink = new Map<number, string[]>(linkIds.map((id) => [id, []]));
  if (linkIds.length === 0) return byLink;
  const rows = await db.selectFrom("notes").select(["link_id", "text"]).where("link_id", "in", linkIds).orderBy("created_at").orderBy("id").execute();
  for (const row of rows) byLink.get(row.link_id)?.push(row.text);
  return byLink;
}

async function searchRows(db: DB, linkIds: readonly number[]): Promise<Insertable<LinkSearchTable>[]> {
  const links = await db.selectFrom("links").select(["id", "user_id", "url", "title", "fetched_title"]).where("id", "in", linkIds).execute();
  const tags = await tagsOfLinks(db, linkIds);
  const notes = await notesOfLinks(db, linkIds);
  return links.map((link) => {
    const owned = (text: string) => ownedText(ownerPrefix(link.user_id), text);
    return {
      rowid: link.id,
      // The page's own title is searchable too when the user gave the link another one.
      title: owned(searchText([...new Set([link.title, link.fetched_title])].filter(Boolean).join("\n"))),
      url: owned(urlSearchText(link.url)),
      tags: owned(searchText((tags.get(link.id) ?? []).join(" "))),
      notes: owned(searchText((notes.get(link.id) ?? []).join("\n"))),
    };
  });
}

async function insertRows(db: DB, linkIds: readonly number[]): Promise<void> {
  const rows = await searchRows(db, linkIds);
  if (rows.length > 0) await db.insertInto("link_search").values(rows).execute();
}

function batches<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / BATCH_SIZE) }, (_, i) => items.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE));
}

/**
 * Rewrites the search rows of these links from their current title, URL, tags and notes. Every write that
 * changes one of those calls it inside the same transaction, so search never sees half a change.
 */
export async function reindexLinks(db: DB, linkIds: readonly number[]): Promise<void> {
  if (linkIds.length === 0) return;
  const rewrite = async (trx: DB) => {
    for (const batch of batches(linkIds)) {
      await trx.deleteFrom("link_search").where("rowid", "in", batch).execute();
      await insertRows(trx, batch);
    }
  };
  // Callers usually pass their own transaction; Kysely cannot open one inside another.
  await (db.isTransaction ? rewrite(db) : db.transaction().execute(rewrite));
}

/**
 * Rebuilds the whole index, in one transaction, when it was written by another version of the search text
 * (or never: links saved before search existed). Returns whether it rebuilt. Run it at start-up, after the
 * migrations and before the bot takes updates: it holds the database for as long as it takes.
 */
export async function ensureSearchIndex(db: DB): Promise<boolean> {
  const version = String(SEARCH_INDEX_VERSION);
  const stored = await db.selectFrom("meta").select("value").where("key", "=", VERSION_KEY).executeTakeFirst();
  if (stored?.value === version) return false;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("link_search").execute();
    // Walks the links in id order, a batch at a time, so memory stays flat however many there are.
    for (let after = 0; ; ) {
      const ids = (await trx.selectFrom("links").select("id").where("id", ">", after).orderBy("id").limit(BATCH_SIZE).execute()).map((row) => row.id);
      const last = ids.at(-1);
      if (last === undefined) break;
      await insertRows(trx, ids);
      after = last;
    }
    // Merges the many segments a bulk load leaves behind, so queries read one b-tree per term.
    await sql`insert into link_search (link_search) values ('optimize')`.execute(trx);
    await trx.insertInto("meta").values({ key: VERSION_KEY, value: version }).onConflict((oc) => oc.column("key").doUpdateSet({ value: version })).execute();
  });
  return true;
}
