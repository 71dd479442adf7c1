// Recall latency at scale: the store functions behind /unread, /unread #tag, /read, /today, /search, /tags, /notes week, the tag
// question on the recall database (bench/recall-data.ts), against the very SQL they ran, replayed through raw
// better-sqlite3 statements prepared once: the difference is what Kysely and the store's own JavaScript add.
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
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
async function sideBySide(iterations: number, store: (i: number) => Promise<unknown>, raw: (i: number) => void) {
  const times = { store: [] as number[], raw: [] as number[] };
  const started = performance.now();
  for (let i = 0; i < iterations && (i < 10 || performance.now() - started < BUDGET_MS); i++) {
    let t = performance.now();
    await store(i);
    times.store.push(performance.now() - t);
    t = performance.now();
    raw(i);
    times.raw.push(performance.now() - t);
  }
  return times;
}

export async function recallLatency(scale: Scale): Promise<Figure[]> {
  const sqlite = new SQLite(await recallDatabase(scale), { readonly: true });
  // Compiled statements kept as the product's connection keeps them (src/db/connection.ts).
  const db: DB = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const recorded: CompiledQuery[] = [];
  const recorder: DB = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") recorded.push(event.query);
    },
  });
  const tagRows = sqlite.prepare("select name from tags where user_id = ? order by id limit 8").all(HEAVY_USER) as { name: string }[];
  const recent = sqlite.prepare("select id from links where user_id = ? order by id desc limit 5").all(HEAVY_USER) as { id: number }[];
  const queries = recallQueries(
    tagRows.map((row) => row.name),
    recent.map((row) => row.id),
  );

  // The exact statements each variant ran, prepared once, for the raw replay.
  const statements = new Map<string, SQLite.Statement>();
  const replays = new Map<RecallQuery, (() => void)[]>();
  for (const query of queries) {
    const variants: (() => void)[] = [];
    for (const variant of query.variants) {
      recorded.length = 0;
      await variant(recorder);
      const steps = recorded.map((compiled) => {
        let statement = statements.get(compiled.sql);
        if (!statement) statements.set(compiled.sql, (statement = sqlite.prepare(compiled.sql)));
        const parameters = compiled.parameters as unknown[];
        const prepared = statement;
        return prepared.reader ? () => prepared.all(...parameters) : () => prepared.run(...parameters);
      });
      variants.push(() => steps.forEach((step) => step()));
    }
    replays.set(query, variants);
  }

  const results = await medianOfRuns(RUNS[scale], async (run) => {
    const iterations = run < 0 ? Math.ceil(ITERATIONS[scale] / 10) : ITERATIONS[scale];
    const values: Record<string, number> = {};
    for (const query of queries) {
      const rawVariants = replays.get(query)!;
      const { store, raw } = await sideBySide(
        iterations,
        (i) => query.variants[i % query.variants.length]!(db),
        (i) => rawVariants[i % rawVariants.length]!(),
      );
      for (const p of [50, 99]) {
        values[`${query.name} p${p}`] = percentile(store, p);
        values[`${query.name} raw p${p}`] = percentile(raw, p);
      }
    }
    return values;
  });
  await db.destroy();
  await recorder.destroy();

  const size = RECALL_SIZES[scale];
  const scope = `${size.heavyLinks} links, ${size.heavyNotes} notes + ${size.otherLinks} other`;
  return queries.flatMap((query) =>
    [50, 99].map((p) => {
      const value = results[`${query.name} p${p}`]!;
      const baseline = results[`${query.name} raw p${p}`]!;
      return { figure: `recall (${scope}): ${query.name} p${p}`, value, unit: "ms", baseline, ratio: value / baseline };
    }),
  );
}

/** The reads of a tag question for a save (src/questions/flow.ts): its links, their tags, the ranked suggestions. */
async function tagQuestionReads(db: DB, userId: number, ids: number[], now: number) {
  const links = await findUserLinks(db, userId, ids);
  const tags = await tagsOfLinks(db, ids);
  return { links, tags, suggestions: await suggestTags(db, userId, now, 8) };
}
