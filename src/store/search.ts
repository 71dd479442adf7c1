import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { parseQuery, type SearchQuery } from "../search/query.js";
import { searchTableOf } from "./search-table.js";
import { snippet } from "../search/snippet.js";
import type { ListedLink } from "../recall/listed-link.js";
import { pageOf } from "../recall/pagination.js";
import { linkColumns, withTags, type LinkPage } from "./reading.js";
import { notesOfLinks } from "./search-index.js";

/**
 * Matches counted and ranked at most. Ranking reads every match, and bm25 every posting of each word; past this
 * many only the newest are listed, newest first, which FTS5 yields in rowid order without reading the rest.
 */
export const MAX_RANKED = 1000;

export interface SearchPage extends LinkPage {
  /** More than `total` (MAX_RANKED) links match; only the newest are listed. */
  more: boolean;
  /** Part of the input was not searched (see parseQuery). */
  shortened: boolean;
  /** HTML excerpt per link id from the first of its notes that holds a word searched for. */
  snippets: Map<number, string>;
}

/**
 * The links matching the query. The index is read first and each hit's link fetched by its id: the owner prefix
 * of the query's words narrows the index to the user, and the user_id check keeps that true in SQL too.
 */
function matchingLinks(db: DB, userId: number, query: SearchQuery, words: "prefix" | "whole") {
  return db
    .selectFrom("link_search")
    .innerJoin("links", "links.id", "link_search.rowid")
    .where(searchTableOf(db).matches(query, userId, words))
    .where("links.user_id", "=", userId);
}

/**
 * These links, by primary key. The unary plus keeps the owner check off the (user_id, …) indexes: offered one,
 * the planner walked all of the user's links to find a page of them.
 */
function findListed(db: DB, userId: number, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("links")
    .select(linkColumns)
    .where(sql`+links.user_id`, "=", userId)
    .where("links.id", "in", ids)
    .execute();
}

/** HTML excerpt per link id from the first of its notes that holds a word searched for. */
export async function snippetsOf(db: DB, links: readonly { id: number }[], query: SearchQuery): Promise<Map<number, string>> {
  const notes = await notesOfLinks(
    db,
    links.map((link) => link.id),
  );
  const snippets = new Map<number, string>();
  for (const link of links) {
    // Only notes: the title is on the list already, and repeating it under itself says nothing new.
    const found = snippet(notes.get(link.id) ?? [], query);
    if (found) snippets.set(link.id, found);
  }
  return snippets;
}

interface Match {
  id: number;
  /** bm25 of the match, lower is better; absent when the matches were too many to rank. */
  score?: number;
  saved_at: number;
}

/** The newest matches of an expression, at most one past MAX_RANKED: enough to count them, or to page through them. */
async function newestOf(db: DB, userId: number, query: SearchQuery): Promise<Match[]> {
  return await matchingLinks(db, userId, query, "whole")
    .select(["links.id", "links.saved_at"])
    .orderBy("link_search.rowid", "desc")
    .limit(MAX_RANKED + 1)
    .execute();
}

/**
 * The same, each with its rank. bm25 counts every posting of each term once per query, so this is the one pass
 * that both counts and ranks: reading the matches again for the page would double the cost of a search.
 */
async function newestRanked(db: DB, userId: number, query: SearchQuery): Promise<Match[]> {
  return await matchingLinks(db, userId, query, "prefix")
    .select(["links.id", "links.saved_at", searchTableOf(db).score(query, userId).as("score")])
    .orderBy("link_search.rowid", "desc")
    .limit(MAX_RANKED + 1)
    .execute();
}

/**
 * The newest matches, at most one past MAX_RANKED, ranked when they are not more. A prefix query merges the
 * postings of every word that starts with it, all of them before the first row comes out: for a common word
 * that is most of the user's links. Whole words are read lazily, newest first, so they are tried first; when
 * they alone are too many to rank, the newest whole-word matches are listed (the prefix would add only longer
 * words, which a ranking puts no higher). Every other search reads the index once.
 */
async function newestMatches(db: DB, userId: number, query: SearchQuery): Promise<Match[]> {
  // A query of CJK bigrams alone has no prefix: it reads the index once.
  const hasPrefix = query.words.some((term) => term.kind === "word" || Array.from(term.run).length === 1);
  if (hasPrefix) {
    const wholeMatches = await newestOf(db, userId, query);
    if (wholeMatches.length > MAX_RANKED) return wholeMatches;
  }
  return await newestRanked(db, userId, query);
}

/** A page of the links in this order of ids. */
async function listedInOrder(db: DB, userId: number, ids: readonly number[]): Promise<Omit<ListedLink, "tags">[]> {
  const byId = new Map((await findListed(db, userId, ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Best match first, the newer of two equal ones first. */
function byRank(a: Match, b: Match): number {
  return (a.score ?? 0) - (b.score ?? 0) || b.saved_at - a.saved_at;
}

/** The user's links matching what they typed, in /search's order, and the query as it was read. */
export interface RankedMatches {
  query: SearchQuery;
  /** Best match first (newest first past MAX_RANKED matches), at most MAX_RANKED. */
  ids: number[];
  /** More than MAX_RANKED links match; only the newest are listed. */
  more: boolean;
}

/** The ranking of /search, for it and for the Mini App's search; undefined for input without a searchable word. */
export async function rankedMatches(db: DB, userId: number, input: string): Promise<RankedMatches | undefined> {
  const query = parseQuery(input);
  if (!query) return undefined;
  const newest = await newestMatches(db, userId, query);
  const more = newest.length > MAX_RANKED;
  // Past MAX_RANKED the newest are listed, newest first, as they came.
  const ordered = more ? newest.slice(0, MAX_RANKED) : newest.sort(byRank);
  return { query, more, ids: ordered.map((match) => match.id) };
}

/**
 * Page `requested` of the user's links matching what they typed, best match first (newest first past
 * MAX_RANKED matches); a page past the end shows the last one. Nothing matches input without a searchable word.
 */
export async function searchLinks(db: DB, userId: number, input: string, requested: number, size: number): Promise<SearchPage> {
  const ranked = await rankedMatches(db, userId, input);
  if (!ranked) return { total: 0, more: false, shortened: false, page: pageOf(0, 0, size), links: [], snippets: new Map() };
  const total = ranked.ids.length;
  const page = pageOf(total, requested, size);
  const rows = await listedInOrder(db, userId, ranked.ids.slice(page.offset, page.offset + page.size));
  const links = await withTags(db, rows);
  return { total, more: ranked.more, shortened: ranked.query.shortened, page, links, snippets: await snippetsOf(db, links, ranked.query) };
}
