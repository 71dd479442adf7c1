import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../db/connection.js";
import { RANK_WEIGHTS, SEARCH_WEIGHTS, toTsQuery, toTsVector } from "../search/tsquery.js";
import type { SearchQuery } from "../search/query.js";
import { idsIn } from "./bulk.js";
import type { SearchRow, SearchTable } from "./search-table.js";

/**
 * PostgreSQL: link_search holds one tsvector per link (`document`, in a GIN index), written word for word from the
 * same owner-prefixed tokens as FTS5's columns, each part of the link under its own weight; ranked by ts_rank.
 */
export const tsvectorSearchTable: SearchTable = {
  // Two transactions rewriting one link's row (a page title arriving while the user tags it) would each delete the
  // row the other cannot see yet and insert their own: the second insert fails. The link's row lock puts them in
  // turn, and the second one reads what the first committed.
  async lock(db: DB, linkIds: readonly number[]) {
    await sql`select id from links where id in ${idsIn(db, linkIds)} order by id for no key update`.execute(db);
  },

  async insert(db: DB, rows: readonly SearchRow[]) {
    const documents = rows.map((row) =>
      toTsVector([
        { text: row.title, weight: SEARCH_WEIGHTS.title },
        { text: row.url, weight: SEARCH_WEIGHTS.url },
        { text: row.tags, weight: SEARCH_WEIGHTS.tags },
        { text: row.notes, weight: SEARCH_WEIGHTS.notes },
      ]),
    );
    const ids = rows.map((row) => row.id);
    await sql`
      insert into link_search (rowid, document)
      select item.id, item.document::tsvector from unnest(${ids}::bigint[], ${documents}::text[]) as item (id, document)`.execute(db);
  },

  async delete(db: DB, linkIds: readonly number[]) {
    await sql`delete from link_search where rowid in ${idsIn(db, linkIds)}`.execute(db);
  },

  // A GIN index takes a bulk load as it comes; there is nothing to merge. Statistics are made first: a rebuild follows
  // a bulk load (db:copy, an upgrade), and planned without them, reading each batch's tags and notes took seconds.
  async beginRebuild(db: DB) {
    await sql`analyze links, link_tags, tags, notes`.execute(db);
  },
  async endRebuild() {},

  matches(query: SearchQuery, userId: number, words: "prefix" | "whole"): RawBuilder<SqlBool> {
    return sql<SqlBool>`link_search.document @@ ${toTsQuery(query, userId, words)}::tsquery`;
  },

  // ts_rank grows with the match; negated, so that lower is better, as bm25's.
  score(query: SearchQuery, userId: number): RawBuilder<number> {
    return sql<number>`-ts_rank(${RANK_WEIGHTS}::float4[], link_search.document, ${toTsQuery(query, userId)}::tsquery)`;
  },
};
