import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import type { Database } from "../../src/db/schema.js";
import { migrateToLatest } from "../../src/db/migrate.js";

/** A migrated in-memory database that records the queries it runs, so a test can explain exactly those. */
export async function planRecordingDatabase() {
  const sqlite = new SQLite(":memory:");
  const recorded: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") recorded.push(event.query);
    },
  });
  await migrateToLatest(db);

  /** The query plan of every query `action` ran, each as its lines of EXPLAIN QUERY PLAN. */
  async function plansOf(action: () => Promise<unknown>): Promise<string[]> {
    recorded.length = 0;
    await action();
    return recorded.map((query) =>
      sqlite
        .prepare(`explain query plan ${query.sql}`)
        .all(...(query.parameters as unknown[]))
        .map((row) => (row as { detail: string }).detail)
        .join("\n"),
    );
  }
  return { db, sqlite, plansOf };
}
