import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

const DEFAULT_CAPACITY = 1000;

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles a statement on every prepare: for the
 * bot's small queries compiling took as long as running them. The bot runs a few hundred distinct SQL texts,
 * so compiled statements are kept, least recently used dropped first. Safe because every query runs to
 * completion synchronously (nothing streams), so one statement is never in use twice at once.
 */
export function withStatementCache(sqlite: SQLite.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
