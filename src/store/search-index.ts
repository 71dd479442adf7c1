import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { metaValue, setMetaValue } from "./meta.js";
import { lockForStartUp } from "../db/dialect.js";
import { ownerPrefix } from "../search/query.js";
import { chunks, idsIn } from "./bulk.js";
import { searchTableOf, type SearchRow } from "./search-table.js";
import { ownedText, searchText, urlSearchText } from "../search/search-text.js";

/**
 * Bump whenever the search text is prepared differently (src/search/): the next start rebuilds the index,
 * since rows written by older code would not match the new queries.
 */
export const SEARCH_INDEX_VERSION = 5;
const VERSION_KEY = "search_index_version";
// Bounds the memory a batch of search texts takes.
const BATCH_SIZE = 500;

/** The texts of each link's notes, oldest first. */
export async function notesOfLinks(db: DB, linkIds: readonly number[]): Promise<Map<number, string[]>> {
  const byLink = new Map<number, string[]>(linkIds.map((id) => [id, []]));
  if (linkIds.length === 0) return byLink;
  const rows = await db.selectFrom("notes").select(["link_id", "text"]).where("link_id", "in", linkIds).orderBy("created_at").orderBy("id").execute();
  for (const row of rows) byLink.get(row.link_id)?.push(row.text);
  return byLink;
}

/** A link as its search row is written from: tags by name, notes oldest first, each joined, null when none. */
export type IndexedLink = {
  id: number;
  user_id: number;
  url: string;
  title: string | null;
  fetched_title: string | null;
  /** The channel or person a forwarded post came from, and the page's site name: found by name, as the title is. */
  source: string | null;
  site_name: string | null;
  tags: string | null;
  notes: string | null;
};

/** Each link with its tags (by name) and notes (oldest first) already joined, null when it has none. */
async function indexedLinks(db: DB, linkIds: readonly number[]): Promise<IndexedLink[]> {
  const { rows } = await sql<IndexedLink>`
    select links.id, links.user_id, links.url, links.title, links.fetched_title, links.source, links.site_name,
      (select string_agg(tags.name, ' ' order by tags.name) from link_tags join tags on tags.id = link_tags.tag_id
        where link_tags.link_id = links.id) as tags,
      (select string_agg(notes.text, ${"\n"} order by notes.created_at, notes.id) from notes where notes.link_id = links.id) as notes
    from links where links.id in ${idsIn(db, linkIds)}`.execute(db);
  return rows;
}

/** The link's search row. */
function searchRow(link: IndexedLink): SearchRow {
  const owned = (text: string) => ownedText(ownerPrefix(link.user_id), text);
  return {
    id: link.id,
    // The page's own title is searchable too when the user gave the link another one; so are where it came from
    // (a channel's name) and the site's name.
    title: owned(searchText([...new Set([link.title, link.fetched_title, link.source, link.site_name])].filter(Boolean).join("\n"))),
    url: owned(urlSearchText(link.url)),
    tags: owned(searchText(link.tags ?? "")),
    notes: owned(searchText(link.notes ?? "")),
  };
}

/**
 * Writes the search rows of links that have none yet (inserted by the caller's transaction), from what the
 * caller already holds: reading back the links an import has just inserted cost a tenth of its time.
 */
export async function indexLinksAsGiven(db: DB, links: readonly IndexedLink[]): Promise<void> {
  if (links.length === 0) return;
  await searchTableOf(db).insert(db, links.map(searchRow));
}

async function insertRows(db: DB, linkIds: readonly number[]): Promise<void> {
  await indexLinksAsGiven(db, await indexedLinks(db, linkIds));
}

async function inTransaction(db: DB, write: (trx: DB) => Promise<void>): Promise<void> {
  // Callers usually pass their own transaction; Kysely cannot open one inside another.
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

/**
 * Rewrites the search rows of these links from their current title, URL, tags and notes, a batch at a time.
 * Every write that changes one of those calls it inside the same transaction, so search never sees half a change.
 */
export async function reindexLinks(db: DB, linkIds: readonly number[]): Promise<void> {
  if (linkIds.length === 0) return;
  await inTransaction(db, async (trx) => {
    const table = searchTableOf(trx);
    await table.lock(trx, linkIds);
    for (const batch of chunks(linkIds, BATCH_SIZE)) {
      await table.delete(trx, batch);
      await insertRows(trx, batch);
    }
  });
}

/**
 * Rebuilds the whole index, in one transaction, when it was written by another version of the search text
 * (or never: links saved before search existed). Returns whether it rebuilt. Run it at start-up, after the
 * migrations and before the bot takes updates: it holds the database for as long as it takes.
 */
export async function ensureSearchIndex(db: DB): Promise<boolean> {
  const version = String(SEARCH_INDEX_VERSION);
  if ((await metaValue(db, VERSION_KEY)) === version) return false;
  return await db.transaction().execute(async (trx) => {
    await lockForStartUp(trx, VERSION_KEY);
    // Another instance may have rebuilt it while this one waited.
    if ((await metaValue(trx, VERSION_KEY)) === version) return false;
    const table = searchTableOf(trx);
    await trx.deleteFrom("link_search").execute();
    await table.beginRebuild(trx);
    // Walks the links in id order, a batch at a time, so memory stays flat however many there are.
    for (let after = 0; ;) {
      const ids = (await trx.selectFrom("links").select("id").where("id", ">", after).orderBy("id").limit(BATCH_SIZE).execute()).map((row) => row.id);
      const last = ids.at(-1);
      if (last === undefined) break;
      await insertRows(trx, ids);
      after = last;
    }
    await table.endRebuild(trx);
    await setMetaValue(trx, VERSION_KEY, version);
    return true;
  });
}
