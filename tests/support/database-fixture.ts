import { afterEach, beforeEach } from "vitest";
import type { DB } from "../../src/db/connection.js";
import { addUser, createTestDatabase } from "./test-db.js";

/** A fresh migrated database holding these users for each test of the file, destroyed after the test. */
export function databaseForEachTest(...userIds: number[]): { readonly db: DB } {
  const fixture = {} as { db: DB };
  beforeEach(async () => {
    fixture.db = await createTestDatabase();
    for (const id of userIds) await addUser(fixture.db, id);
  });
  afterEach(async () => fixture.db.destroy());
  return fixture;
}
