// The databases the store's figures run on: a SQLite file as the bot opens it, or a database of its own on the
// PostgreSQL server the tests use (tests/support/postgres.ts), made for one measurement and dropped after it.
import { randomBytes } from "node:crypto";
import { openDatabase, type DB } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { upsertUser } from "../src/store/users.js";
import { tempDatabasePath } from "../tests/support/bot-process.js";
import { adminQuery, databaseUrl, dropDatabase, postgresUnavailable } from "../tests/support/postgres.js";

export type DatabaseKind = "sqlite" | "postgres";

export const DATABASE_KINDS: readonly DatabaseKind[] = ["sqlite", "postgres"];

export interface BenchDatabase {
  kind: DatabaseKind;
  /** What DATABASE_URL would say: the SQLite file's path, or the PostgreSQL database's address. */
  url: string;
  /** Opened as the real bot opens it (WAL and the statement cache; a `pg` pool). */
  db: DB;
  /** Closes `db` if it is still open, then deletes the file or drops the database. */
  remove(): Promise<void>;
}

async function sqliteFile(): Promise<Omit<BenchDatabase, "db">> {
  const file = tempDatabasePath();
  return { kind: "sqlite", url: file.path, remove: async () => file.cleanup() };
}

async function postgresDatabase(): Promise<Omit<BenchDatabase, "db">> {
  const name = `linklog_bench_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  return { kind: "postgres", url: databaseUrl(name), remove: () => dropDatabase(name) };
}

/** A migrated database with user 1; the caller removes it. */
export async function freshDatabase(kind: DatabaseKind = "sqlite"): Promise<BenchDatabase> {
  const place = await (kind === "sqlite" ? sqliteFile() : postgresDatabase());
  const db = openDatabase(place.url);
  const database = {
    ...place,
    db,
    remove: async () => {
      await db.destroy();
      await place.remove();
    },
  };
  try {
    await migrateToLatest(db);
    await upsertUser(db, { id: 1, first_name: "bench" }, "UTC", 0);
    return database;
  } catch (error) {
    await database.remove();
    throw error;
  }
}

/** `use` on a fresh database, removed afterwards however `use` ends: a failed run leaves no database behind. */
export async function withFreshDatabase<T>(kind: DatabaseKind, use: (database: BenchDatabase) => Promise<T>): Promise<T> {
  const database = await freshDatabase(kind);
  try {
    return await use(database);
  } finally {
    await database.remove();
  }
}

/** The wanted kinds that can run here; PostgreSQL's absence is told to `skipped` with the reason, not an error. */
export async function availableDatabases(wanted: readonly DatabaseKind[], skipped: (reason: string) => void): Promise<DatabaseKind[]> {
  if (!wanted.includes("postgres")) return [...wanted];
  const reason = await postgresUnavailable();
  if (reason === null) return [...wanted];
  skipped(reason);
  return wanted.filter((kind) => kind !== "postgres");
}

/** A figure's name with the database it ran on when that is PostgreSQL: `import`, `import (postgres)`, `recall (postgres, …)`. */
export function figureName(figure: string, kind: DatabaseKind, detail?: string): string {
  const notes = [kind === "postgres" ? "postgres" : undefined, detail].filter((note) => note !== undefined);
  return notes.length === 0 ? figure : `${figure} (${notes.join(", ")})`;
}
