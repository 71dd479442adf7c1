import { sql, type SqlBool } from "kysely";
import type { DB } from "../db/connection.js";
import { amongIds, idsIn } from "./bulk.js";
import { rankedMatches, snippetsOf } from "./search.js";
import { hasEveryTag, tagCounts, tagIdOf, tagsOfLinks } from "./tags.js";

/**
 * The Mini App's library: one page of a user's links under the page's filters, newest first on a keyset cursor (or
 * in /search's ranking with words to search), the filters' counts, and one link with its notes. Every query names
 * the user; ids from the page are only ever looked up together with that user's id.
 */

export type ReadState = "unread" | "read" | "all";

export interface LibraryFilter {
  state: ReadState;
  /** Links carry every one. */
  tags: readonly string[];
  site?: string;
  /** Saved within [start, end), epoch ms: local days already converted by the caller. */
  saved?: { start: number; end: number };
  q?: string;
}

/** Where the last page ended: newest-first lists continue below (savedAt, id), ranked searches after `offset` rows. */
export type LibraryCursor = { savedAt: number; id: number } | { offset: number };

export interface LibraryRow {
  id: number;
  url: string;
  title: string | null;
  site: string;
  tags: string[];
  savedAt: number;
  readAt: number | null;
  noteCount: number;
  /** With `q`: the search's excerpt of a matching note, HTML as /search shows it. */
  snippetHtml?: string;
}

export interface LibraryPage {
  rows: LibraryRow[];
  next: LibraryCursor | null;
}

/** A tag at most this common is read whole and sorted; a commoner one is checked link by link while walking. */
const RARE_TAG_LINKS = 2000;

function stateCondition(state: ReadState) {
  if (state === "unread") return sql<SqlBool>`links.read_at is null`;
  if (state === "read") return sql<SqlBool>`links.read_at is not null`;
  return sql<SqlBool>`1 = 1`;
}

const ROW_COLUMNS = [
  "links.id",
  "links.url",
  "links.title",
  "links.site",
  "links.saved_at",
  "links.read_at",
  sql<number>`(select count(*) from notes where notes.link_id = links.id)`.as("note_count"),
] as const;

/** How many of the user's links in this state carry each tag, from the (tag_id, link_unread) index. */
async function tagSizes(db: DB, userId: number, tags: readonly string[], state: ReadState): Promise<Map<string, number>> {
  const unread = state === "all" ? sql`` : sql`and link_unread = ${state === "unread" ? 1 : 0}`;
  const sizes = await Promise.all(
    tags.map(async (name) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from link_tags where tag_id = ${tagIdOf(userId, name)} ${unread}`.execute(db);
      return [name, Number(rows[0]!.n)] as const;
    }),
  );
  return new Map(sizes);
}

/**
 * The tag condition. Walking links newest first finds a common tag's links soon; a rare tag's few links are read
 * from link_tags and sorted instead, or the walk would cross all of the user's links to find them.
 */
async function tagCondition(db: DB, userId: number, tags: readonly string[], state: ReadState) {
  const sizes = await tagSizes(db, userId, tags, state);
  const [rarest] = [...sizes].sort((a, b) => a[1] - b[1])[0]!;
  if (sizes.get(rarest)! > RARE_TAG_LINKS) return hasEveryTag(userId, tags, "links.id");
  const unread = state === "all" ? sql`` : sql`and tagged.link_unread = ${state === "unread" ? 1 : 0}`;
  const others = tags.filter((tag) => tag !== rarest);
  const among = amongIds(
    db,
    "links.id",
    sql<number>`(select tagged.link_id from link_tags as tagged where tagged.tag_id = ${tagIdOf(userId, rarest)} ${unread})`,
  );
  return others.length > 0 ? sql<SqlBool>`(${among} and ${hasEveryTag(userId, others, "links.id")})` : among;
}

/**
 * The user's links under the filter; `among` limits them to some ids (a search's matches), which are then the key:
 * the unary plus keeps the owner check off the (user_id, …) indexes, or SQLite walked every link of the user.
 */
async function filteredQuery(db: DB, userId: number, filter: LibraryFilter, among?: readonly number[]) {
  let query = among
    ? db
        .selectFrom("links")
        .where(sql`+links.user_id`, "=", userId)
        .where(sql<SqlBool>`links.id in ${idsIn(db, among)}`)
    : db.selectFrom("links").where("links.user_id", "=", userId);
  query = query.where(stateCondition(filter.state));
  if (filter.site !== undefined) query = query.where("links.site", "=", filter.site);
  if (filter.saved) query = query.where("links.saved_at", ">=", filter.saved.start).where("links.saved_at", "<", filter.saved.end);
  if (filter.tags.length > 0) query = query.where(await tagCondition(db, userId, filter.tags, filter.state));
  return query;
}

type Row = { id: number; url: string; title: string | null; site: string; saved_at: number; read_at: number | null; note_count: number };

async function withTags(db: DB, rows: readonly Row[]): Promise<LibraryRow[]> {
  const tags = await tagsOfLinks(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    url: row.url,
    title: row.title,
    site: row.site,
    tags: tags.get(row.id) ?? [],
    savedAt: Number(row.saved_at),
    readAt: row.read_at === null ? null : Number(row.read_at),
    noteCount: Number(row.note_count),
  }));
}

/** Newest first: the user's links saved before the cursor's (saved_at, id), one more than a page to know of a next. */
async function newestPage(
  db: DB,
  userId: number,
  filter: LibraryFilter,
  cursor: { savedAt: number; id: number } | undefined,
  limit: number,
): Promise<LibraryPage> {
  let query = await filteredQuery(db, userId, filter);
  if (cursor) {
    // saved_at <= bounds the index range; the rest of the keyset is checked on the rows at its edge.
    query = query
      .where("links.saved_at", "<=", cursor.savedAt)
      .where((eb) => eb.or([eb("links.saved_at", "<", cursor.savedAt), eb("links.id", "<", cursor.id)]));
  }
  const rows = (await query
    .select(ROW_COLUMNS)
    .orderBy("links.saved_at", "desc")
    .orderBy("links.id", "desc")
    .limit(limit + 1)
    .execute()) as Row[];
  const page = await withTags(db, rows.slice(0, limit));
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { savedAt: last.savedAt, id: last.id } : null };
}

function narrows(filter: LibraryFilter): boolean {
  return filter.state !== "all" || filter.tags.length > 0 || filter.site !== undefined || filter.saved !== undefined;
}

/** The user's links with these ids, as the page lists them, in the order given. */
async function rowsInOrder(db: DB, userId: number, ids: readonly number[]): Promise<LibraryRow[]> {
  if (ids.length === 0) return [];
  const rows = (await db
    .selectFrom("links")
    .select(ROW_COLUMNS)
    // The ids are the key: the unary plus keeps the owner check off the (user_id, …) indexes, as in search.ts.
    .where(sql`+links.user_id`, "=", userId)
    .where(sql<SqlBool>`links.id in ${idsIn(db, ids)}`)
    .execute()) as Row[];
  const byId = new Map((await withTags(db, rows)).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * /search's matches in its ranking (at most MAX_RANKED, as /search lists), narrowed by the other filters in one
 * query over their ids, cut at `offset`; only the page's rows and note excerpts are read.
 */
async function searchedPage(db: DB, userId: number, filter: LibraryFilter & { q: string }, offset: number, limit: number): Promise<LibraryPage> {
  const ranked = await rankedMatches(db, userId, filter.q);
  if (!ranked || ranked.ids.length === 0) return { rows: [], next: null };
  let ids = ranked.ids;
  if (narrows(filter)) {
    const kept = await (await filteredQuery(db, userId, filter, ids)).select("links.id").execute();
    const keep = new Set(kept.map((row) => row.id));
    ids = ids.filter((id) => keep.has(id));
  }
  const rows = await rowsInOrder(db, userId, ids.slice(offset, offset + limit));
  const snippets = await snippetsOf(db, rows, ranked.query);
  return {
    rows: rows.map((row) => {
      const snippetHtml = snippets.get(row.id);
      return snippetHtml === undefined ? row : { ...row, snippetHtml };
    }),
    next: ids.length > offset + limit ? { offset: offset + limit } : null,
  };
}

/** One page of the user's library under the filter, after the cursor (a cursor of the other kind starts over). */
export async function libraryPage(db: DB, userId: number, filter: LibraryFilter, cursor: LibraryCursor | undefined, limit: number): Promise<LibraryPage> {
  if (filter.q !== undefined && filter.q.trim() !== "") {
    return await searchedPage(db, userId, { ...filter, q: filter.q }, cursor && "offset" in cursor ? cursor.offset : 0, limit);
  }
  return await newestPage(db, userId, filter, cursor && "savedAt" in cursor ? cursor : undefined, limit);
}

export interface Facets {
  tags: { name: string; count: number }[];
  sites: { site: string; count: number }[];
}

/** Sites listed at most: the filter offers the most used; a long tail of one-link sites helps nobody choose. */
export const MAX_SITES = 200;

/** How many of the user's links (unread ones only, or all) each site has: one index-only scan either way. */
async function siteCounts(db: DB, userId: number, unreadOnly: boolean): Promise<Map<string, number>> {
  let query = db
    .selectFrom("links")
    .select(["links.site", sql<number>`count(*)`.as("n")])
    .where("links.user_id", "=", userId);
  if (unreadOnly) query = query.where("links.read_at", "is", null);
  const rows = await query.groupBy("links.site").execute();
  return new Map(rows.map((row) => [row.site ?? "", Number(row.n)]));
}

/** Most used first, then by name. */
function ranked<K extends string>(entries: Iterable<[string, number]>, key: K, limit = Infinity): ({ [P in K]: string } & { count: number })[] {
  return [...entries]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([name, count]) => ({ [key]: name, count }) as { [P in K]: string } & { count: number });
}

/** The tags and sites of the user's links in this state, most used first; read counts are all minus unread. */
export async function libraryFacets(db: DB, userId: number, state: ReadState): Promise<Facets> {
  const tags = await tagCounts(db, userId);
  const unread = state === "all" ? undefined : await siteCounts(db, userId, true);
  const all = state === "unread" ? undefined : await siteCounts(db, userId, false);
  const sites = state === "unread" ? unread! : state === "all" ? all! : new Map([...all!].map(([site, n]) => [site, n - (unread!.get(site) ?? 0)]));
  const tagCount = (tag: { unread: number; total: number }) =>
    state === "unread" ? Number(tag.unread) : state === "read" ? Number(tag.total) - Number(tag.unread) : Number(tag.total);
  return {
    tags: ranked(
      tags.map((tag): [string, number] => [tag.name, tagCount(tag)]),
      "name",
    ),
    sites: ranked(sites, "site", MAX_SITES),
  };
}

export interface LibraryNote {
  id: number;
  text: string;
  createdAt: number;
  updatedAt: number;
}

export interface LibraryDetail extends LibraryRow {
  description: string | null;
  notes: LibraryNote[];
}

/** One of the user's links with its notes, oldest first; undefined when it is not theirs. */
export async function libraryLink(db: DB, userId: number, linkId: number): Promise<LibraryDetail | undefined> {
  const row = (await db
    .selectFrom("links")
    .select([...ROW_COLUMNS, "links.description"])
    .where("links.user_id", "=", userId)
    .where("links.id", "=", linkId)
    .executeTakeFirst()) as (Row & { description: string | null }) | undefined;
  if (!row) return undefined;
  const [[link], notes] = await Promise.all([
    withTags(db, [row]),
    db
      .selectFrom("notes")
      .select(["id", "text", "created_at", "updated_at"])
      .where("link_id", "=", linkId)
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);
  return { ...link!, description: row.description, notes: notes.map(noteOf) };
}

export function noteOf(row: { id: number; text: string; created_at: number; updated_at: number }): LibraryNote {
  return { id: row.id, text: row.text, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at) };
}
