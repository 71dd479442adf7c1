// The Mini App's library at scale: the first list and each filter change the page asks for, over HTTP against the
// real handler (initData check, user look-up, store queries, JSON), on the recall database (bench/recall-data.ts:
// one user with 100,000 links, 30,000 notes, tags, reads, eight sites, English and Chinese titles, among 10,000
// other users). The goal: under 50 ms p99 each, which every row's baseline holds.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { pino } from "pino";
import type { DB } from "../src/db/connection.js";
import type { Database } from "../src/db/schema.js";
import { withStatementCache } from "../src/db/statement-cache.js";
import { createMiniAppHandler } from "../src/miniapp/handler.js";
import { signInitData } from "../src/miniapp/init-data.js";
import { startHttpServer } from "../src/server/http-server.js";
import { figureName, freshDatabase, type DatabaseKind } from "./fresh-database.js";
import { CHINESE, ENGLISH, HEAVY_USER, RECALL_NOW, RECALL_SIZES, recallDatabase } from "./recall-data.js";
import { loadRecallData } from "./recall-postgres.js";
import { medianOfRuns, percentile, RUNS, type Figure, type Scale } from "./report.js";

const TOKEN = "123456:library-bench";
const GOAL_MS = 50;
const ITERATIONS: Record<Scale, number> = { full: 200, quick: 100, tiny: 5 };
/** A far too slow case still gets enough calls for a p99 of sorts without the run taking minutes. */
const BUDGET_MS = 3_000;
const DAY = 86_400_000;

interface LibrarySource {
  db: DB;
  close(): Promise<void>;
}

function sqliteSource(path: string): LibrarySource {
  // Read-only: a request that wrote (the sign-in's user upsert) would fail loudly instead of changing the file.
  const db: DB = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(new SQLite(path, { readonly: true })) }) });
  return { db, close: () => db.destroy() };
}

async function postgresSource(path: string): Promise<LibrarySource> {
  const database = await freshDatabase("postgres");
  try {
    await loadRecallData(path, database.db);
  } catch (error) {
    await database.remove();
    throw error;
  }
  return { db: database.db, close: () => database.remove() };
}

/** Each case: the query strings it rotates through, so one cached answer cannot stand for all. */
function cases(tags: readonly string[], sites: readonly string[]): { name: string; queries: string[] }[] {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const weeks = Array.from({ length: 8 }, (_, i) => RECALL_NOW - (i * 40 + 7) * DAY);
  const search = (words: readonly string[]) => words.map((word) => `links?state=all&q=${encodeURIComponent(word)}`);
  return [
    { name: "first list (unread)", queries: ["links"] },
    { name: "facets (unread)", queries: ["facets?state=unread"] },
    { name: "tag", queries: tags.map((tag) => `links?tag=${encodeURIComponent(tag)}`) },
    { name: "site", queries: sites.map((site) => `links?site=${encodeURIComponent(site)}`) },
    { name: "read", queries: ["links?state=read"] },
    { name: "all", queries: ["links?state=all"] },
    { name: "date range", queries: weeks.map((start) => `links?state=all&from=${day(start)}&to=${day(start + 6 * DAY)}`) },
    { name: "facets (all)", queries: ["facets?state=all"] },
    { name: `search ${ENGLISH.slice(0, 3).join("|")}`, queries: search(ENGLISH.slice(0, 3)) },
    { name: `search ${CHINESE.slice(0, 3).join("|")}`, queries: search(CHINESE.slice(0, 3)) },
  ];
}

async function serve(db: DB): Promise<{ server: Server; base: string }> {
  const miniApp = createMiniAppHandler({ db, logger: pino({ level: "silent" }), botToken: TOKEN, defaultTimeZone: "UTC", clock: () => RECALL_NOW });
  const server = await startHttpServer({ port: 0, health: async () => ({ ok: true }) as never, requestTimeoutMs: 30_000, miniApp });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/api/` };
}

async function timed(url: string, authorization: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function measure(db: DB, scale: Scale) {
  const tags = (await db.selectFrom("tags").select("name").where("user_id", "=", HEAVY_USER).orderBy("id").execute()).map((row) => row.name);
  const sample = await db.selectFrom("links").select("url").where("user_id", "=", HEAVY_USER).limit(50).execute();
  const sites = [...new Set(sample.map((row) => new URL(row.url).hostname.replace(/^www\./, "")))];
  const { server, base } = await serve(db);
  // The recall data's heavy user, exactly as stored, so that signing in reads and never writes.
  const authorization = `tma ${signInitData(TOKEN, { user: JSON.stringify({ id: HEAVY_USER, first_name: "heavy" }), auth_date: String(RECALL_NOW / 1000) })}`;
  const all = cases(tags, sites);
  try {
    const results = await medianOfRuns(RUNS[scale], async (run) => {
      const iterations = run < 0 ? Math.ceil(ITERATIONS[scale] / 10) : ITERATIONS[scale];
      const values: Record<string, number> = {};
      for (const { name, queries } of all) {
        const times: number[] = [];
        const started = performance.now();
        for (let i = 0; i < iterations && (i < 10 || performance.now() - started < BUDGET_MS); i++) {
          times.push(await timed(base + queries[i % queries.length]!, authorization));
        }
        for (const p of [50, 99]) values[`${name} p${p}`] = percentile(times, p);
      }
      return values;
    });
    return { names: all.map((c) => c.name), results };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function libraryLatency(scale: Scale, kind: DatabaseKind): Promise<Figure[]> {
  const path = await recallDatabase(scale);
  const source = kind === "sqlite" ? sqliteSource(path) : await postgresSource(path);
  const { names, results } = await measure(source.db, scale).finally(() => source.close());
  const name = figureName("library", kind, `${RECALL_SIZES[scale].heavyLinks} links, over HTTP`);
  return names.flatMap((query) =>
    [50, 99].map((p) => {
      const value = results[`${query} p${p}`]!;
      return { figure: `${name}: ${query} p${p}`, value, unit: "ms", baseline: GOAL_MS, ratio: value / GOAL_MS };
    }),
  );
}
