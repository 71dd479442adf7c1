import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { sqlitePath } from "../config/config.js";
import type { Database } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";
import { postgresTextPlugin } from "./postgres-text.js";

export type DB = Kysely<Database>;

/** How a PostgreSQL pool is sized and bounded (DATABASE_POOL_SIZE, DATABASE_STATEMENT_TIMEOUT_MS). */
export interface PoolOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
}

const DEFAULT_POOL_SIZE = 10;
const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
const INT8 = 20;
const NUMERIC = 1700;

/** `postgres://` and `postgresql://` name a PostgreSQL server; anything else is a SQLite file (a path or `sqlite:`). */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

/**
 * Counts, ids and epoch milliseconds are bigint (int8) in PostgreSQL, which `pg` hands over as strings; every one
 * linklog stores is below 2^53, so they come back as numbers, as from SQLite. Sums and averages (numeric) too.
 */
const numbersAsNumbers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

function openSqlite(path: string): DB {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers (backups, a second process) work while the bot writes.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // Two processes on one file (a migrate run, a backup) wait instead of failing at once.
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

function openPostgres(url: string, options: PoolOptions): DB {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    // A query stuck behind a lock or a bad plan fails instead of holding a connection (and an update) for ever.
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    types: numbersAsNumbers,
  });
  // An idle client losing its server (a restart, a fail-over) must not crash the process: the pool replaces it.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [postgresTextPlugin()] });
}

/** The database as a log line names it: a SQLite path, or a PostgreSQL address without its password. */
export function describeDatabase(databaseUrl: string): string {
  if (!isPostgresUrl(databaseUrl)) return sqlitePath(databaseUrl);
  const url = new URL(databaseUrl);
  url.password = "";
  return url.toString();
}

/** Opens the database DATABASE_URL names (creating a SQLite file if needed) with the settings linklog relies on. */
export function openDatabase(databaseUrl: string, options: PoolOptions = {}): DB {
  return isPostgresUrl(databaseUrl) ? openPostgres(databaseUrl, options) : openSqlite(sqlitePath(databaseUrl));
}
