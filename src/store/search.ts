import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { parseQuery, toMatchExpression, type SearchQuery } from "../search/query.js";
import { snippet } from "../search/snippet.js";
import type { ListedLink } from "../views/link-list.js";
import { pageOf, type Page } from "../views/pagination.js";
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
  /** HTML excerpt per link id from the first of its notes that holds a word searched for. */
  snippets: Map<number, string>;
}

/**
 * The links matching an FTS5 expression. The index is read first and each hit's link fetched by its id: the
 * expression's owner prefix narrows the index to the user, and the user_id check keeps that true in SQL too.
 */
function matchingLinks(db: DB, userId: number, expression: string) {
  return db
    .selectFrom("link_search")
    .innerJoin("links", "links.id", "link_search.rowid")
    .where(sql<boolean>`link_search match ${expression}`)
    .where("links.user_id", "=", userId);
}

/**
 * These links, by primary key. The unary plus keeps the owner check off the (user_id, …) indexes: offered one,
 * the planner walked all of the user's links to find a page of them.
 */
function findListed(db: DB, userId: number, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("links").select(linkColumns).where(sql`+links.user_id`, "=", userId).where("links.id", "in", ids).execute();
}

async function snippetsOf(db: DB, links: readonly ListedLink[], query: SearchQuery): Promise<Map<number, string>> {
  const notes = await notesOfLinks(db, links.map((link) => link.id));
  const snippets = new Map<number, string>();
  for (const link of links) {
    // Only notes: the title is on the list already, and repeating it under itself says nothing new.
    const found = snippet(notes.get(link.id) ?? [], query);
    if (found) snippets.set(link.id, found);
  }
  return snippets;
}

/**
 * The ids of the newest matches, at most one past MAX_RANKED: enough to count them and, when there are too
 * many to rank, to page through them. A prefix query merges the postings of every word that starts with it,
 * all of them before the first row comes out: for a common word that is most of the user's links. Whole words
 * are read lazily, newest first, so they are tried first; when they alone are too many to rank, the newest
 * whole-word matches are listed (the prefix would add only longer words, which a ranking puts no higher).
 */
async function newestMatches(db: DB, userId: number, query: SearchQuery): Promise<number[]> {
  const newestOf = async (match: string) => {
    const rows = await matchingLinks(db, userId, match).select("links.id").orderBy("link_search.rowid", "desc").limit(MAX_RANKED + 1).execute();
    return rows.map((row) => row.id);
  };
  const whole = toMatchExpression(query, userId, "whole");
  const prefixed = toMatchExpression(query, userId);
  const wholeMatches = whole === prefixed ? [] : await newestOf(whole);
  return wholeMatches.length > MAX_RANKED ? wholeMatches : await newestOf(prefixed);
}

/** A page of the links in this order of ids. */
async function listedInOrder(db: DB, userId: number, ids: readonly number[]): Promise<Omit<ListedLink, "tags">[]> {
  const byId = new Map((await findListed(db, userId, ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A page of all the matches, best first. */
async function rankedPage(db: DB, userId: number, query: SearchQuery, page: Page) {
  return await matchingLinks(db, userId, toMatchExpression(query, userId))
    .select(linkColumns)
    // Weights by column (title, url, tags, notes): a word in the title says most about a link, in a note least.
    .orderBy(sql`bm25(link_search, 10, 2, 5, 1)`)
    .orderBy("links.saved_at", "desc")
    .limit(page.size)
    .offset(page.offset)
    .execute();
}

/**
 * Page `requested` of the user's links matching what they typed, best match first (newest first past
 * MAX_RANKED matches); a page past the end shows the last one. Nothing matches input without a searchable word.
 */
export async function searchLinks(db: DB, userId: number, input: string, requested: number, size: number): Promise<SearchPage> {
  const query = parseQuery(input);
  if (!query) return { total: 0, more: false, page: pageOf(0, 0, size), links: [], snippets: new Map() };
  const newest = await newestMatches(db, userId, query);
  const more = newest.length > MAX_RANKED;
  const total = Math.min(newest.length, MAX_RANKED);
  const page = pageOf(total, requested, size);
  const rows = more ? await listedInOrder(db, userId, newest.slice(page.offset, page.offset + page.size)) : await rankedPage(db, userId, query, page);
  const links = await withTags(db, rows);
  return { total, more, page, links, snippets: await snippetsOf(db, links, query) };
}
