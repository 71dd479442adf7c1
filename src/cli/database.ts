import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "../config/config.js";
import { openDatabase, type DB } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";

/** The command-line tools need only the database location (and a zone for new users), not a bot token. */
export async function openCliDatabase(): Promise<{ db: DB; defaultTimeZone: string }> {
  const env = z
    .object({ DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL), DEFAULT_TIMEZONE: z.string().default("UTC") })
    .parse({ DATABASE_URL: process.env.DATABASE_URL || undefined, DEFAULT_TIMEZONE: process.env.DEFAULT_TIMEZONE || undefined });
  const db = openDatabase(env.DATABASE_URL);
  await migrateToLatest(db);
  return { db, defaultTimeZone: env.DEFAULT_TIMEZONE };
}

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
