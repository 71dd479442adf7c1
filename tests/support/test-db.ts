import { afterEach, beforeEach } from "vitest";
import { openDatabase, type DB } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { upsertUser } from "../../src/store/users.js";
import { createPostgresTestDatabase, testsOnPostgres } from "./postgres.js";

/**
 * A fresh database with the real migrations applied: in memory (SQLite), or in the "postgres" project a new
 * PostgreSQL database that `destroy()` drops.
 */
export async function createTestDatabase(): Promise<DB> {
  if (testsOnPostgres()) {
    const created = await createPostgresTestDatabase();
    const db = openDatabase(created.url, { poolSize: 4 });
    const close = db.destroy.bind(db);
    db.destroy = async () => {
      await close();
      await created.drop();
    };
    return db;
  }
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  return db;
}

export async function addUser(db: DB, id: number, timeZone = "UTC"): Promise<void> {
  await upsertUser(db, { id, first_name: `user${id}` }, timeZone, 0);
}

/** A fresh database with these users for each test of the file; read it through the returned function. */
export function freshDatabaseEach(...userIds: number[]): () => DB {
  let db: DB | undefined;
  beforeEach(async () => {
    db = await createTestDatabase();
    for (const id of userIds) await addUser(db, id);
  });
  afterEach(async () => db?.destroy());
  return () => db!;
}
