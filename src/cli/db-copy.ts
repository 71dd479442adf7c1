// npm run db:copy -- --from <url> --to <url>: moves linklog's data between SQLite and PostgreSQL (either way).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { sqlitePath } from "../config/config.js";
import { describeDatabase, isPostgresUrl, openDatabase } from "../db/connection.js";
import { copyDatabase, CopyRefused, type CopiedTable } from "../db/copy.js";
import { fail } from "./database.js";

const USAGE = "usage: npm run db:copy -- --from <database url or file> --to <database url or file> (the target must hold no users or links)";

/** Two spellings of one database: a file by its absolute path, a server's database by host, port and name. */
function sameDatabase(a: string, b: string): boolean {
  if (isPostgresUrl(a) !== isPostgresUrl(b)) return false;
  if (!isPostgresUrl(a)) return resolve(sqlitePath(a)) === resolve(sqlitePath(b));
  const place = (url: URL) => `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  return place(new URL(a)) === place(new URL(b));
}

function summary(copied: readonly CopiedTable[], seconds: number): string {
  const width = Math.max(...copied.map(({ table }) => table.length));
  const lines = copied.map(({ table, rows }) => `  ${table.padEnd(width)}  ${String(rows).padStart(9)}`);
  const total = copied.reduce((sum, { rows }) => sum + rows, 0);
  return [...lines, `${total} rows in ${seconds.toFixed(1)} s; the search index is rebuilt at the bot's next start.`].join("\n");
}

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
const { from, to } = values;
if (!from || !to) fail(USAGE);
if (sameDatabase(from, to)) fail(`--from and --to name the same database (${describeDatabase(from)})`);

// One connection each: the copy is one transaction on either side.
const [source, target] = [openDatabase(from, { poolSize: 1 }), openDatabase(to, { poolSize: 1 })];
const started = performance.now();
try {
  const copied = await copyDatabase(source, target);
  console.log(`copied ${describeDatabase(from)} to ${describeDatabase(to)}:\n${summary(copied, (performance.now() - started) / 1000)}`);
} catch (error) {
  // A refusal is the caller's mistake, as a usage error is (2); anything else failed the copy and rolled it back (1).
  console.error(error instanceof CopyRefused ? `${describeDatabase(to)}: ${error.message}` : String(error));
  process.exitCode = error instanceof CopyRefused ? 2 : 1;
} finally {
  await Promise.all([source.destroy(), target.destroy()]);
}
