import type { RawBuilder, SqlBool } from "kysely";
import type { DB } from "../db/connection.js";
import { dialectOf } from "../db/dialect.js";
import type { SearchQuery } from "../search/query.js";
import { fts5SearchTable } from "./search-fts5.js";
import { tsvectorSearchTable } from "./search-tsvector.js";

/** A link's search row: its id and the owner-prefixed search text of each part (src/search/search-text.ts). */
export interface SearchRow {
  id: number;
  title: string;
  url: string;
  tags: string;
  notes: string;
}

/** What differs between the databases' full-text search; search-index.ts and search.ts say what to do with it. */
export interface SearchTable {
  /** Before rewriting links' rows in a transaction: makes another transaction rewriting them wait for this one. */
  lock(db: DB, linkIds: readonly number[]): Promise<void>;
  insert(db: DB, rows: readonly SearchRow[]): Promise<void>;
  delete(db: DB, linkIds: readonly number[]): Promise<void>;
  /** Around a rebuild of the whole index, in its transaction. */
  beginRebuild(db: DB): Promise<void>;
  endRebuild(db: DB): Promise<void>;
  /** The condition on link_search that the query's words are in the row. */
  matches(query: SearchQuery, userId: number, words: "prefix" | "whole"): RawBuilder<SqlBool>;
  /** How well a row matches the (prefix) query, lower is better. */
  score(query: SearchQuery, userId: number): RawBuilder<number>;
}

export function searchTableOf(db: DB): SearchTable {
  return dialectOf(db) === "postgres" ? tsvectorSearchTable : fts5SearchTable;
}
