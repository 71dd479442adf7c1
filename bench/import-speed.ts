// Import speed: a generated markdown log (seeded, not timed) through the real importer (parse, merge,
// one-transaction store with tags, notes and search index) against a raw insert of the same rows in one
// transaction, on SQLite (better-sqlite3) and on PostgreSQL (`pg`).
import SQLite from "better-sqlite3";
import { parseMarkdownLog } from "../src/portable/markdown-log.js";
import { mergeDuplicates, type KeyedLink } from "../src/portable/merge.js";
import { importLinks } from "../src/store/import.js";
import pg from "pg";
import { figureName, withFreshDatabase, type DatabaseKind } from "./fresh-database.js";
import { seededRandom } from "./seeded.js";
import { medianOfRuns, RUNS, type Figure, type Scale } from "./report.js";

export function generateLog(links: number, seed = 7): string {
  const random = seededRandom(seed);
  const words = ["elixir", "beam", "otp", "进程", "调度", "rust", "ownership", "scheduler", "process", "网络"];
  const pick = () => words[Math.floor(random() * words.length)]!;
  const lines = ["# Posts", ""];
  for (let i = 0; i < links; i++) {
    if (i % 50 === 0) lines.push(`- ${2015 + Math.floor(i / 20_000)}-0${1 + (i % 9)}-1${i % 10}`, "");
    lines.push(`${random() < 0.3 ? "✅ " : ""}https://example.org/${i}/${pick()} ${pick()} ${pick()} ${pick()}`);
    if (random() < 0.3) lines.push(`${pick()} ${pick()} note ${i}`, `  ${pick()} ${pick()}`);
    lines.push("");
  }
  return lines.join("\n");
}

const SIZES: Record<Scale, number> = { full: 100_000, quick: 5_000, tiny: 300 };

/**
 * The rows the importer stores, inserted with prepared statements in one transaction: links, their tags and
 * notes. Not the search index, which is derived from them: building it is part of what the importer costs.
 */
function rawSqliteInsert(sqlite: SQLite.Database, links: readonly KeyedLink[], now: number): void {
  const link = sqlite.prepare("insert into links (user_id, url, url_key, title, saved_at, read_at) values (1, ?, ?, ?, ?, ?)");
  const tag = sqlite.prepare("insert into tags (user_id, name) values (1, ?) on conflict do update set name = excluded.name returning id");
  const linkTag = sqlite.prepare("insert into link_tags (link_id, tag_id, tagged_at) values (?, ?, ?)");
  const note = sqlite.prepare("insert into notes (user_id, link_id, text, created_at, updated_at) values (1, ?, ?, ?, ?)");
  const tagIds = new Map<string, number>();
  sqlite.transaction(() => {
    for (const row of links) {
      const savedAt = row.savedAt ?? now;
      const linkId = link.run(row.url, row.urlKey, row.title, savedAt, row.read ? (row.readAt ?? savedAt) : null).lastInsertRowid;
      for (const name of row.tags) {
        if (!tagIds.has(name)) tagIds.set(name, (tag.get(name) as { id: number }).id);
        linkTag.run(linkId, tagIds.get(name), now);
      }
      for (const { text, createdAt } of row.notes) note.run(linkId, text, createdAt ?? savedAt, createdAt ?? savedAt);
    }
  })();
}

/**
 * The same rows through a raw `pg` client in one transaction. A round trip per row would make the baseline slow
 * rather than fast, so each table is one statement over `unnest` arrays (one parameter per column, whatever the
 * number of rows), the fastest plain insert PostgreSQL takes short of COPY, and links come back with their ids.
 */
async function rawPostgresInsert(client: pg.Client, links: readonly KeyedLink[], now: number): Promise<void> {
  const savedAt = links.map((row) => row.savedAt ?? now);
  await client.query("begin");
  const inserted = await client.query<{ id: string; url_key: string }>(
    `insert into links (user_id, url, url_key, title, saved_at, read_at)
     select 1, * from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[]) returning id, url_key`,
    [
      links.map((row) => row.url),
      links.map((row) => row.urlKey),
      links.map((row) => row.title),
      savedAt,
      links.map((row, i) => (row.read ? (row.readAt ?? savedAt[i]) : null)),
    ],
  );
  const linkIds = new Map(inserted.rows.map((row) => [row.url_key, row.id]));
  const names = [...new Set(links.flatMap((row) => row.tags))];
  const tags = await client.query<{ id: string; name: string }>(
    `insert into tags (user_id, name) select 1, * from unnest($1::text[]) on conflict (user_id, name) do update set name = excluded.name returning id, name`,
    [names],
  );
  const tagIds = new Map(tags.rows.map((row) => [row.name, row.id]));
  const tagged = links.flatMap((row) => row.tags.map((name) => [linkIds.get(row.urlKey), tagIds.get(name)]));
  await client.query(`insert into link_tags (link_id, tag_id, tagged_at) select *, $3 from unnest($1::bigint[], $2::bigint[])`, [
    tagged.map(([link]) => link),
    tagged.map(([, tag]) => tag),
    now,
  ]);
  const notes = links.flatMap((row, i) => row.notes.map(({ text, createdAt }) => [linkIds.get(row.urlKey), text, createdAt ?? savedAt[i]]));
  await client.query(
    `insert into notes (user_id, link_id, text, created_at, updated_at) select 1, id, text, at, at from unnest($1::bigint[], $2::text[], $3::bigint[]) as n (id, text, at)`,
    [notes.map(([link]) => link), notes.map(([, text]) => text), notes.map(([, , at]) => at)],
  );
  await client.query("commit");
}

/** The raw insert on a database the importer's schema is in, timed without opening and closing the connection (s). */
const RAW_INSERT: Record<DatabaseKind, (url: string, links: readonly KeyedLink[], now: number) => Promise<number>> = {
  async sqlite(url, links, now) {
    const sqlite = new SQLite(url);
    const started = performance.now();
    rawSqliteInsert(sqlite, links, now);
    const seconds = (performance.now() - started) / 1000;
    sqlite.close();
    return seconds;
  },
  async postgres(url, links, now) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const started = performance.now();
      await rawPostgresInsert(client, links, now);
      return (performance.now() - started) / 1000;
    } finally {
      await client.end();
    }
  },
};

/** Links per second through the real importer, and through a raw insert of the same rows, on fresh databases. */
async function measureOnce(text: string, kind: DatabaseKind) {
  const context = { timeZone: "UTC", now: Date.now() };
  const { merged, importer } = await withFreshDatabase(kind, async ({ db }) => {
    const started = performance.now();
    const merged = mergeDuplicates(parseMarkdownLog(text, context).links).links;
    await importLinks(db, 1, merged, context.now);
    return { merged, importer: merged.length / ((performance.now() - started) / 1000) };
  });
  const rawRate = await withFreshDatabase(kind, async ({ db, url }) => {
    await db.destroy();
    return merged.length / (await RAW_INSERT[kind](url, merged, context.now));
  });
  return { importer, rawRate, links: merged.length };
}

export async function importSpeed(scale: Scale, kind: DatabaseKind): Promise<Figure[]> {
  const text = generateLog(SIZES[scale]);
  const { importer, rawRate, links } = await medianOfRuns(RUNS[scale], () => measureOnce(text, kind));
  const figure = `${figureName("import", kind)}: markdown log, ${links} links`;
  return [{ figure, value: importer, unit: "links/s", baseline: rawRate, ratio: importer / rawRate }];
}
