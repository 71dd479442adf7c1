import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../db/connection.js";
import { toMatchExpression, type SearchQuery } from "../search/query.js";
import { idsIn, rowsOf } from "./bulk.js";
import type { SearchRow, SearchTable } from "./search-table.js";

// FTS5's own default: merge once 4 segments of a level exist, as everyday writes go.
const FTS_DEFAULT_AUTOMERGE = 4;

/** SQLite: link_search is an FTS5 table (rowid = links.id) with one column per part of a link, ranked by bm25. */
export const fts5SearchTable: SearchTable = {
  // SQLite's write transaction is exclusive already.
  async lock() {},

  async insert(db: DB, rows: readonly SearchRow[]) {
    const values = rows.map((row) => [row.id, row.title, row.url, row.tags, row.notes]);
    const columns = [
      ["id", "integer"],
      ["title", "text"],
      ["url", "text"],
      ["tags", "text"],
      ["notes", "text"],
    ] as const;
    await sql`
      insert into link_search (rowid, title, url, tags, notes)
      select item.id, item.title, item.url, item.tags, item.notes from ${rowsOf(db, values, columns)} as item`.execute(db);
  },

  async delete(db: DB, linkIds: readonly number[]) {
    await sql`delete from link_search where rowid in ${idsIn(db, linkIds)}`.execute(db);
  },

  // No merging of segments while loading: 'optimize' at the end merges them all once (a fifth less time), so
  // queries then read one b-tree per term.
  async beginRebuild(db: DB) {
    await sql`insert into link_search (link_search, rank) values ('automerge', 0)`.execute(db);
  },

  async endRebuild(db: DB) {
    await sql`insert into link_search (link_search) values ('optimize')`.execute(db);
    await sql`insert into link_search (link_search, rank) values ('automerge', ${sql.lit(FTS_DEFAULT_AUTOMERGE)})`.execute(db);
  },

  matches(query: SearchQuery, userId: number, words: "prefix" | "whole"): RawBuilder<SqlBool> {
    return sql<SqlBool>`link_search match ${toMatchExpression(query, userId, words)}`;
  },

  // Weights by column (title, url, tags, notes): a word in the title says most about a link, in a note least.
  score(): RawBuilder<number> {
    return sql<number>`bm25(link_search, 10, 2, 5, 1)`;
  },
};
