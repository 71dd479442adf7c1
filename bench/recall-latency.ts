// Recall latency at scale: the store functions behind /unread, /unread #tag, /read, /today, /search, /tags, /notes week, the tag
// question on the recall database (bench/recall-data.ts), against the very SQL they ran, replayed through raw
// better-sqlite3 statements prepared once, or a raw `pg` client on a PostgreSQL copy of the same data: the
// difference is what Kysely and the store's own JavaScript add.
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import pg from "pg";
import type { DB } from "../src/db/connection.js";
import { withStatementCache } from "../src/db/statement-cache.js";
import type { Database } from "../src/db/schema.js";
import { parseNotesArgs } from "../src/notes/args.js";
import { NOTES_PER_PAGE } from "../src/notes/page.js";
import { countNotes, notesPage } from "../src/store/notes.js";
import { countUnread, dayPage, readPage, unreadPage } from "../src/store/reading.js";
import { searchLinks } from "../src/store/search.js";
import { findUserLinks } from "../src/store/links.js";
import { suggestTags, tagCounts, tagsOfLinks } from "../src/store/tags.js";
import { CHINESE, ENGLISH, HEAVY_USER, RARE_WORD, RECALL_NOW, RECALL_SIZES, recallDatabase } from "./recall-data.js";
import { medianOfRuns, percentile, RUNS, type Figure, type Scale } from "./report.js";
import { figureName, freshDatabase, type DatabaseKind } from "./fresh-database.js";
import { loadRecallData } from "./recall-postgres.js";

const DAY = 86_400_000;
// The page sizes the views use (src/features/unread, search; today's caps).
const PAGE_SIZE = 8;

interface RecallQuery {
  name: string;
  /** Parameter variants, used in turn, so one cached answer cannot stand for all. */
  variants: ((db: DB) => Promise<unknown>)[];
}

function recallQueries(tags: readonly string[], recentLinkIds: readonly number[]): RecallQuery[] {
  const user = HEAVY_USER;
  const search = (words: readonly string[]) => words.map((word) => (db: DB) => searchLinks(db, user, word, 0, PAGE_SIZE));
  const days = Array.from({ length: 20 }, (_, i) => RECALL_NOW - i * DAY);
  return [
    {
      name: "/unread first page",
      variants: [false, true].map((oldestFirst) => (db: DB) => unreadPage(db, user, { tags: [], oldestFirst }, 0, PAGE_SIZE)),
    },
    {
      name: "/unread #tag",
      variants: tags.map((tag) => (db: DB) => unreadPage(db, user, { tags: [tag], oldestFirst: false }, 0, PAGE_SIZE)),
    },
    {
      name: "/read",
      variants: [undefined, ...tags].map((tag) => (db: DB) => readPage(db, user, { tags: tag === undefined ? [] : [tag] }, 0, PAGE_SIZE)),
    },
    {
      // The view asks for the day's page and the unread count together.
      name: "/today",
      variants: days.map((day) => {
        const start = Math.floor(day / DAY) * DAY;
        return (db: DB) => Promise.all([dayPage(db, user, start, start + DAY, 0, PAGE_SIZE), countUnread(db, user)]);
      }),
    },
    { name: `/search ${ENGLISH.slice(0, 3).join("|")}`, variants: search(ENGLISH.slice(0, 3)) },
    { name: `/search ${CHINESE.slice(0, 3).join("|")}`, variants: search(CHINESE.slice(0, 3)) },
    { name: `/search ${RARE_WORD}`, variants: search([RARE_WORD]) },
    { name: "/tags", variants: [(db: DB) => tagCounts(db, user)] },
    {
      // Not a command: what a save reads to ask for tags (the new link, its tags, the ranked suggestions).
      name: "tag question",
      variants: recentLinkIds.map((id) => (db: DB) => tagQuestionReads(db, user, [id], RECALL_NOW)),
    },
    {
      // The command counts first (to answer "no notes" without a view), then the view renders its page.
      name: "/notes week",
      variants: days.map((day) => {
        const parsed = parseNotesArgs("week", day, "UTC");
        if (!parsed.ok) throw new Error("/notes week did not parse");
        const scope = { tags: parsed.value.tags, range: parsed.value.period.range };
        return async (db: DB) => {
          await countNotes(db, user, scope);
          return await notesPage(db, user, scope, 0, NOTES_PER_PAGE);
        };
      }),
    },
  ];
}

const ITERATIONS: Record<Scale, number> = { full: 200, quick: 100, tiny: 10 };
/** A query that is far too slow still gets enough calls for a p99 of sorts without the run taking minutes. */
const BUDGET_MS = 2_000;

/**
 * Each call of the store function is followed by its raw replay, so both meet the same moments of a shared
 * machine: run one after the other, a few milliseconds of noise landed on one side only and set its p99.
 */
async function sideBySide(iterations: number, store: (i: number) => Promise<unknown>, raw: (i: number) => unknown) {
  const times = { store: [] as number[], raw: [] as number[] };
  const started = performance.now();
  for (let i = 0; i < iterations && (i < 10 || performance.now() - started < BUDGET_MS); i++) {
    let t = performance.now();
    await store(i);
    times.store.push(performance.now() - t);
    t = performance.now();
    await raw(i);
    times.raw.push(performance.now() - t);
  }
  return times;
}

/** The recall data as the store reads it, and the raw client its recorded statements are replayed through. */
interface RecallSource {
  db: DB;
  /** The heavy user's first tags and newest links, the parameters of the variants. */
  sample(): Promise<{ tags: string[]; recentLinkIds: number[] }>;
  /** Prepares one recorded statement for the raw replay; its call runs it once more. */
  replay(compiled: CompiledQuery): () => unknown;
  close(): Promise<void>;
}

const SAMPLE_TAGS = "select name from tags where user_id = $1 order by id limit 8";
const SAMPLE_LINKS = "select id from links where user_id = $1 order by id desc limit 5";

function sqliteSource(path: string): RecallSource {
  const sqlite = new SQLite(path, { readonly: true });
  // Compiled statements kept as the product's connection keeps them (src/db/connection.ts).
  const db: DB = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const statements = new Map<string, SQLite.Statement>();
  // SQLite reads `$1` as a parameter named "1", not as the first one.
  const all = <T>(query: string) => sqlite.prepare(query.replace("$1", "?")).all(HEAVY_USER) as T[];
  return {
    db,
    sample: async () => ({
      tags: all<{ name: string }>(SAMPLE_TAGS).map((row) => row.name),
      recentLinkIds: all<{ id: number }>(SAMPLE_LINKS).map((row) => row.id),
    }),
    replay(compiled) {
      let statement = statements.get(compiled.sql);
      if (!statement) statements.set(compiled.sql, (statement = sqlite.prepare(compiled.sql)));
      const parameters = compiled.parameters as unknown[];
      const prepared = statement;
      return prepared.reader ? () => prepared.all(...parameters) : () => prepared.run(...parameters);
    },
    close: () => db.destroy(),
  };
}

/** A fresh PostgreSQL database holding a copy of the SQLite recall file; closing it drops the database. */
async function postgresSource(path: string): Promise<RecallSource> {
  const database = await freshDatabase("postgres");
  const client = new pg.Client({ connectionString: database.url });
  try {
    await loadRecallData(path, database.db);
    await client.connect();
  } catch (error) {
    await database.remove();
    throw error;
  }
  const all = async (query: string) => (await client.query(query, [HEAVY_USER])).rows;
  return {
    db: database.db,
    sample: async () => ({
      tags: (await all(SAMPLE_TAGS)).map((row: { name: string }) => row.name),
      recentLinkIds: (await all(SAMPLE_LINKS)).map((row: { id: string }) => Number(row.id)),
    }),
    // The statements go as Kysely sends them, unnamed: `pg` prepares a named one only when asked.
    replay: (compiled) => () => client.query(compiled.sql, compiled.parameters as unknown[]),
    close: async () => {
      await client.end();
      await database.remove();
    },
  };
}

/** `db` with every statement it runs compiled once more, as its own plugins left it, into `recorded`. */
function recording(db: DB, recorded: CompiledQuery[]): DB {
  const executor = db.getExecutor();
  return db.withPlugin({
    transformQuery({ node, queryId }) {
      recorded.push(executor.compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  });
}

/** The exact statements each variant ran, prepared once for the raw replay. */
async function replaysOf(source: RecallSource, queries: readonly RecallQuery[]): Promise<Map<RecallQuery, (() => Promise<void>)[]>> {
  const recorded: CompiledQuery[] = [];
  const recorder = recording(source.db, recorded);
  const replays = new Map<RecallQuery, (() => Promise<void>)[]>();
  for (const query of queries) {
    const variants: (() => Promise<void>)[] = [];
    for (const variant of query.variants) {
      recorded.length = 0;
      await variant(recorder);
      const steps = recorded.map((compiled) => source.replay(compiled));
      variants.push(async () => {
        for (const step of steps) await step();
      });
    }
    replays.set(query, variants);
  }
  return replays;
}

async function measure(source: RecallSource, scale: Scale) {
  const { tags, recentLinkIds } = await source.sample();
  const queries = recallQueries(tags, recentLinkIds);
  const replays = await replaysOf(source, queries);
  const results = await medianOfRuns(RUNS[scale], async (run) => {
    const iterations = run < 0 ? Math.ceil(ITERATIONS[scale] / 10) : ITERATIONS[scale];
    const values: Record<string, number> = {};
    for (const query of queries) {
      const rawVariants = replays.get(query)!;
      const { store, raw } = await sideBySide(
        iterations,
        (i) => query.variants[i % query.variants.length]!(source.db),
        (i) => rawVariants[i % rawVariants.length]!(),
      );
      for (const p of [50, 99]) {
        values[`${query.name} p${p}`] = percentile(store, p);
        values[`${query.name} raw p${p}`] = percentile(raw, p);
      }
    }
    return values;
  });
  return { queries, results };
}

export async function recallLatency(scale: Scale, kind: DatabaseKind): Promise<Figure[]> {
  const path = await recallDatabase(scale);
  const source = kind === "sqlite" ? sqliteSource(path) : await postgresSource(path);
  const { queries, results } = await measure(source, scale).finally(() => source.close());

  const size = RECALL_SIZES[scale];
  const name = figureName("recall", kind, `${size.heavyLinks} links, ${size.heavyNotes} notes + ${size.otherLinks} other`);
  return queries.flatMap((query) =>
    [50, 99].map((p) => {
      const value = results[`${query.name} p${p}`]!;
      const baseline = results[`${query.name} raw p${p}`]!;
      return { figure: `${name}: ${query.name} p${p}`, value, unit: "ms", baseline, ratio: value / baseline };
    }),
  );
}

/** The reads of a tag question for a save (src/questions/flow.ts): its links, their tags, the ranked suggestions. */
async function tagQuestionReads(db: DB, userId: number, ids: number[], now: number) {
  const links = await findUserLinks(db, userId, ids);
  const tags = await tagsOfLinks(db, ids);
  return { links, tags, suggestions: await suggestTags(db, userId, now, 8) };
}
