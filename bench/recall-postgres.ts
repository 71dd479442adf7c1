// The recall database on PostgreSQL: the rows of the SQLite file bench/recall-data.ts builds, copied into a migrated
// database, so both databases are measured on the very same data; then the product's own search index rebuild.
import SQLite from "better-sqlite3";
import { CompiledQuery, sql } from "kysely";
import type { DB } from "../src/db/connection.js";
import { ensureSearchIndex } from "../src/store/search-index.js";

/** Parents before children, for the foreign keys; the search rows and meta are the rebuild's to write. */
const COPIED_TABLES = ["users", "tags", "links", "link_tags", "notes"];
/** Rows per insert: each column goes as one array parameter, so only memory bounds a batch. */
const BATCH_ROWS = 20_000;

/** One statement inserting a batch of rows from one array per column, cast to the column's type. */
async function insertStatement(db: DB, table: string): Promise<{ columns: string[]; text: string }> {
  const { rows } = await sql<{ column_name: string; udt_name: string }>`
    select column_name, udt_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  const columns = rows.map((row) => row.column_name);
  const arrays = rows.map((row, i) => `$${i + 1}::${row.udt_name}[]`).join(", ");
  // The file's ids are kept, so links, tags and notes still point at each other; user 1 is there already.
  const text = `insert into ${table} (${columns.join(", ")}) overriding system value select * from unnest(${arrays}) on conflict do nothing`;
  return { columns, text };
}

async function copyTable(sqlite: SQLite.Database, db: DB, table: string): Promise<void> {
  const { columns, text } = await insertStatement(db, table);
  const flush = (rows: unknown[][]) =>
    db.executeQuery(
      CompiledQuery.raw(
        text,
        columns.map((_, c) => rows.map((row) => row[c])),
      ),
    );
  let batch: unknown[][] = [];
  for (const row of sqlite
    .prepare(`select ${columns.join(", ")} from ${table}`)
    .raw()
    .iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length < BATCH_ROWS) continue;
    await flush(batch);
    batch = [];
  }
  if (batch.length > 0) await flush(batch);
}

/** Copies the recall file at `path` into the migrated, empty `db`, indexes it for search and vacuums it. */
export async function loadRecallData(path: string, db: DB): Promise<void> {
  const sqlite = new SQLite(path, { readonly: true });
  try {
    for (const table of COPIED_TABLES) await copyTable(sqlite, db, table);
  } finally {
    sqlite.close();
  }
  // Without statistics on the copied rows the rebuild's per-batch read of tags and notes is planned as if the
  // tables were empty, and the rebuild crawls; autovacuum may not get there first on a busy machine.
  await sql`analyze`.execute(db);
  await ensureSearchIndex(db);
  // A bot's database is long since vacuumed: without a visibility map every index-only scan (the counts behind
  // /unread, /tags and the tag question) visits the table as well, which no running bot's queries pay.
  await sql`vacuum analyze`.execute(db);
}
