import { sql, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL's link_search (0002) was made with owner-prefixed words from the start.
  if (dialectOf(db) === "postgres") return;
  // Every indexed word now starts with its owner's prefix (src/search/query.ts), so the owner column, a term
  // shared by all of a user's links, is gone: bm25 counted its postings (all the user's links) on every search.
  await sql`drop table link_search`.execute(db);
  await sql`
    create virtual table link_search using fts5(
      title, url, tags, notes,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  // The next start rebuilds the index, whatever version it was written by.
  await db.deleteFrom("meta").where("key", "=", "search_index_version").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") return;
  await sql`drop table link_search`.execute(db);
  await sql`
    create virtual table link_search using fts5(
      owner, title, url, tags, notes,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  await db.deleteFrom("meta").where("key", "=", "search_index_version").execute();
}
