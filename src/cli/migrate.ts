import "dotenv/config";
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "../config/config.js";
import { openDatabase } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";

// Migrating needs only the database location, not a bot token.
const databaseUrl = z
  .string()
  .default(DEFAULT_DATABASE_URL)
  .parse(process.env.DATABASE_URL || undefined);
const db = openDatabase(databaseUrl);
try {
  const { results = [] } = await migrateToLatest(db);
  const applied = results.filter((r) => r.status === "Success").map((r) => r.migrationName);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} catch (error) {
  console.error(String(error));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
