import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { parseQuery, toMatchExpression, type SearchQuery } from "../search/query.js";
import { snippet } from "../search/snippet.js";
import type { ListedLink } from "../views/link-list.js";
import { pageOf } from "../views/pagination.js";
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
 * Page `requested` of the user's links matching what they typed, best match first; a page past the end shows
 * the last one. Nothing matches input without a searchable word.
 */
export async function searchLinks(db: DB, userId: number, input: string, requested: number, size: number): Promise<SearchPage> {
  const query = parseQuery(input);
  if (!query) return { total: 0, more: false, page: pageOf(0, 0, size), links: [], snippets: new Map() };
  const expression = toMatchExpression(query, userId);
  // One pass over the index yields the newest matches, enough to count them and, when there are too many to
  // rank, to page through them.
  const newestOf = async (match: string) =>
    await matchingLinks(db, userId, match)
      .select("links.id")
      .orderBy("link_search.rowid", "desc")
      .limit(MAX_RANKED + 1)
      .execute();
  // A prefix query merges the postings of every word that starts with it, all of them before the first row
  // comes out: for a common word that is most of the user's links. Whole words are read lazily, newest first,
  // so they are tried first; when they alone are too many to rank, the newest whole-word matches are listed
  // (the prefix would add only longer words, which a ranking puts no higher).
  const whole = toMatchExpression(query, userId, "whole");
  let newest = whole === expression ? [] : await newestOf(whole);
  if (newest.length <= MAX_RANKED) newest = await newestOf(expression);
  const more = newest.length > MAX_RANKED;
  const total = Math.min(newest.length, MAX_RANKED);
  const page = pageOf(total, requested, size);
  let rows;
  if (more) {
    const ids = newest.slice(page.offset, page.offset + page.size).map((row) => row.id);
    const byId = new Map((await findListed(db, userId, ids)).map((row) => [row.id, row]));
    rows = ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    rows = await matchingLinks(db, userId, expression)
      .select(linkColumns)
      // Weights by column (title, url, tags, notes): a word in the title says most about a link, in a note least.
      .orderBy(sql`bm25(link_search, 10, 2, 5, 1)`)
      .orderBy("links.saved_at", "desc")
      .limit(page.size)
      .offset(page.offset)
      .execute();
  }
  const links = await withTags(db, rows);
  return { total, more, page, links, snippets: await snippetsOf(db, links, query) };
}
