import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { upsertUser } from "../src/store/users.js";
import { tempDatabasePath } from "../tests/support/bot-process.js";

/** A migrated database file with user 1, as the real bot opens it (WAL, statement cache); the caller cleans up. */
export async function freshDatabase() {
  const file = tempDatabasePath();
  const db = openDatabase(file.path);
  await migrateToLatest(db);
  await upsertUser(db, { id: 1, first_name: "bench" }, "UTC", 0);
  return { file, db };
}
