import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import pg from "pg";

/**
 * PostgreSQL for tests: the server TEST_DATABASE_URL names (by default the local one, trust auth). Every test
 * database is made from one migrated template (`linklog_template_<run>`, made by tests/support/postgres-setup.ts)
 * and is called `linklog_test_<random>`; each is dropped when its test is done.
 */
export const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** The files of the "postgres" project run with this set: the database helpers then make PostgreSQL databases. */
export const testsOnPostgres = () => process.env.LINKLOG_TEST_DATABASE === "postgres";

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL tests cannot run here (no server answering at TEST_DATABASE_URL), or null when they can. */
export async function postgresUnavailable(): Promise<string | null> {
  const url = new URL(ADMIN_URL);
  const port = Number(url.port || 5432);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: url.hostname, port, timeout: 1000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
  if (!reachable) return `no PostgreSQL server answers at ${url.hostname}:${port} (set TEST_DATABASE_URL)`;
  try {
    await adminQuery("select 1");
    return null;
  } catch (error) {
    return `PostgreSQL at ${url.hostname}:${port} refused the connection: ${(error as Error).message}`;
  }
}

export const TEMPLATE_VARIABLE = "LINKLOG_TEST_TEMPLATE";

/** A new database with the migrated schema (a copy of the run's template); `drop` removes it. */
export async function createPostgresTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = process.env[TEMPLATE_VARIABLE];
  if (!template) throw new Error("no PostgreSQL template: run the postgres project through vitest (tests/support/postgres-setup.ts)");
  // Named after the run's template, so a run's clean-up never drops another run's databases.
  const name = `linklog_test_${template.replace("linklog_template_", "")}_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name} template ${template}`);
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists ${name} with (force)`);
}

/** `?` placeholders filled with quoted literals, so a test's SQLite-style statement runs through psql. */
function withLiterals(query: string, params: readonly unknown[]): string {
  let index = 0;
  return query.replace(/\?/g, () => {
    const value = params[index++];
    if (value === null || value === undefined) return "null";
    if (typeof value === "number" || typeof value === "bigint") return String(value);
    if (typeof value === "boolean") return value ? "true" : "false";
    return `'${String(value).replaceAll("'", "''")}'`;
  });
}

/**
 * One statement against a test's PostgreSQL database, synchronously (through psql), as the SQLite view of the bot's
 * database file answers: rows as objects.
 */
export function psqlRows<T>(url: string, query: string, params: readonly unknown[]): T[] {
  const statement = withLiterals(query, params);
  const wrapped = /^\s*(select|with)\b/i.test(statement) ? `select coalesce(json_agg(row), '[]') from (${statement}) as row` : statement;
  const output = execFileSync("psql", [url, "-AtqX", "-v", "ON_ERROR_STOP=1", "-c", wrapped], { encoding: "utf8" });
  // Truth values as SQLite gives them (1 and 0), so one assertion holds on both databases.
  return /^\s*(select|with)\b/i.test(statement)
    ? (JSON.parse(output, (_key, value: unknown) => (typeof value === "boolean" ? Number(value) : value)) as T[])
    : [];
}
