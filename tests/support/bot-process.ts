import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import type { Emulator } from "../../src/emulator/index.js";
import { isPostgresUrl } from "../../src/db/connection.js";
import { createPostgresTestDatabase, psqlRows, testsOnPostgres } from "./postgres.js";

const root = new URL("../..", import.meta.url);

export interface BotProcess {
  process: ChildProcess;
  /** Everything the process wrote to stderr/stdout, for failure messages. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  stop(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
}

export function tempDatabasePath(): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "linklog-test-"));
  return { path: join(dir, "linklog.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The settings every test bot runs with, in a process or in the test's own. */
export function testEnvironment(emulator: Emulator, databasePath: string): Record<string, string> {
  return {
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: databasePath,
    LOG_LEVEL: "warn",
    // A test is a user far faster than any person; the rate-limit test sets its own limit.
    RATE_LIMIT_UPDATES: "10000",
    // Links saved in tests (example.org, go.dev…) must not make the page fetcher ask DNS.
    FETCH_HOSTS_ONLY: "true",
  };
}

/**
 * Starts the real entry point (src/main.ts) against the emulator and resolves once it takes updates: its first
 * getUpdates, or in webhook mode its setWebhook.
 */
export async function startBot(emulator: Emulator, databasePath: string, env: Record<string, string> = {}): Promise<BotProcess> {
  const since = emulator.mark();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      ...testEnvironment(emulator, databasePath),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const bot: BotProcess = {
    process: child,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return await exited;
    },
  };
  const polling = emulator.waitForCall(env.WEBHOOK_URL ? "setWebhook" : "getUpdates", undefined, { since, timeoutMs: 15_000 });
  const early = exited.then((code) => {
    throw new Error(`bot exited (${code}) before taking updates:\n${output}`);
  });
  await Promise.race([polling, early]);
  return bot;
}

/**
 * A database for one test's bot: a new SQLite file, or in the "postgres" project a new PostgreSQL database (its URL
 * is the `path`); `cleanup` removes it.
 */
export async function tempDatabase(): Promise<{ path: string; cleanup(): Promise<void> }> {
  if (testsOnPostgres()) {
    const created = await createPostgresTestDatabase();
    return { path: created.url, cleanup: created.drop };
  }
  const file = tempDatabasePath();
  return { path: file.path, cleanup: async () => file.cleanup() };
}

/** The same view of a PostgreSQL database, one statement per psql run (`?` placeholders as in SQLite). */
function readPostgres(url: string) {
  return {
    all: <T>(query: string, ...params: unknown[]): T[] => psqlRows<T>(url, query, params),
    get: <T>(query: string, ...params: unknown[]): T | undefined => psqlRows<T>(url, query, params)[0],
    run: (query: string, ...params: unknown[]): void => void psqlRows(url, query, params),
    close: () => undefined,
  };
}

/** A view of the bot's database for asserting what was stored; writable only to set the stage (backdating). */
export function readDatabase(path: string, { writable = false } = {}) {
  if (isPostgresUrl(path)) return readPostgres(path);
  const db = new SQLite(path, { readonly: !writable, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return {
    all<T>(query: string, ...params: unknown[]): T[] {
      return db.prepare(query).all(...params) as T[];
    },
    get<T>(query: string, ...params: unknown[]): T | undefined {
      return db.prepare(query).get(...params) as T | undefined;
    },
    run(query: string, ...params: unknown[]): void {
      db.prepare(query).run(...params);
    },
    close: () => db.close(),
  };
}

/** Waits until `probe` returns a value (polling the database is the observable event for persisted state). */
export async function eventually<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * One statement at a time against the bot's database file, opened and closed per call so a test never
 * holds a lock the bot needs: `all` to read, `run` to set the stage (backdating, a simulated claim).
 */
export function databaseFile(path: () => string) {
  const once = <T>(use: (db: ReturnType<typeof readDatabase>) => T): T => {
    const db = readDatabase(path(), { writable: true });
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    all: <T>(query: string, ...params: unknown[]) => once((db) => db.all<T>(query, ...params)),
    run: (query: string, ...params: unknown[]) => once((db) => db.run(query, ...params)),
  };
}
