import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { parseQuery, toMatchExpression, type SearchQuery } from "../search/query.js";
import { snippet } from "../search/snippet.js";
import type { ListedLink } from "../views/link-list.js";
import { pageOf } from "../views/pagination.js";
import { linkColumns, withTags, type LinkPage } from "./reading.js";
import { notesOfLinks } from "./search-index.js";

export interface SearchPage extends LinkPage {
  /** HTML excerpt per link id from the first of its notes that holds a word searched for. */
  snippets: Map<number, string>;
}

/**
 * The links matching an FTS5 expression. The index is read first and each hit's link fetched by its id: the
 * expression's owner filter narrows the index to the user, and the user_id check keeps that true in SQL too.
 */
function matchingLinks(db: DB, userId: number, expression: string) {
  return db
    .selectFrom("link_search")
    .innerJoin("links", "links.id", "link_search.rowid")
    .where(sql<boolean>`link_search match ${expression}`)
    .where("links.user_id", "=", userId);
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
  if (!query) return { total: 0, page: pageOf(0, 0, size), links: [], snippets: new Map() };
  const expression = toMatchExpression(query, userId);
  const { n } = await matchingLinks(db, userId, expression).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  const page = pageOf(n, requested, size);
  const rows = await matchingLinks(db, userId, expression)
    .select(linkColumns)
    // Weights by column (owner, title, url, tags, notes): a word in the title says most about a link, in a note least.
    .orderBy(sql`bm25(link_search, 0, 10, 2, 5, 1)`)
    .orderBy("links.saved_at", "desc")
    .limit(page.size)
    .offset(page.offset)
    .execute();
  const links = await withTags(db, rows);
  return { total: n, page, links, snippets: await snippetsOf(db, links, query) };
}
