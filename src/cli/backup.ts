// npm run backup -- <file>: a consistent copy of the live database, taken while the bot keeps running.
import "dotenv/config";
import { existsSync } from "node:fs";
import SQLite from "better-sqlite3";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, sqlitePath } from "../config/config.js";
import { isPostgresUrl } from "../db/connection.js";
import { fail } from "./database.js";

const [target] = process.argv.slice(2);
if (!target) fail("usage: npm run backup -- <backup file>");
if (existsSync(target)) fail(`${target} exists already; choose a new file name`);
const databaseUrl = z
  .string()
  .default(DEFAULT_DATABASE_URL)
  .parse(process.env.DATABASE_URL || undefined);
if (isPostgresUrl(databaseUrl)) fail("DATABASE_URL names PostgreSQL: back it up with pg_dump (README, Operations)");
const source = sqlitePath(databaseUrl);
if (!existsSync(source)) fail(`no database at ${source}`);

// SQLite's online backup API copies pages while other connections keep writing, restarting when they do.
const db = new SQLite(source, { readonly: true, fileMustExist: true });
try {
  const { totalPages } = await db.backup(target);
  const copy = new SQLite(target, { readonly: true });
  const check = copy.pragma("integrity_check", { simple: true });
  copy.close();
  if (check !== "ok") fail(`the copy failed its integrity check: ${String(check)}`);
  console.log(`backed up ${totalPages} pages of ${source} to ${target} (integrity_check: ok)`);
} finally {
  db.close();
}
