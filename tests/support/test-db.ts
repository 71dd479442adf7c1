import { openDatabase, type DB } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { upsertUser } from "../../src/store/users.js";

/** A fresh in-memory database with the real migrations applied. */
export async function createTestDatabase(): Promise<DB> {
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  return db;
}

export async function addUser(db: DB, id: number, timeZone = "UTC"): Promise<void> {
  await upsertUser(db, { id, first_name: `user${id}` }, timeZone, 0);
}
