// Import speed: a generated markdown log (seeded, not timed) through the real importer (parse, merge,
// one-transaction store with tags, notes and search index) against a raw better-sqlite3 insert of the
// same rows in one transaction.
import SQLite from "better-sqlite3";
import { parseMarkdownLog } from "../src/portable/markdown-log.js";
import { mergeDuplicates, type KeyedLink } from "../src/portable/merge.js";
import { importLinks } from "../src/store/import.js";
import { freshDatabase } from "./fresh-database.js";
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
function rawInsert(sqlite: SQLite.Database, links: readonly KeyedLink[], now: number): void {
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

/** Links per second through the real importer, and through a raw insert of the same rows, on fresh files. */
async function measureOnce(text: string) {
  const context = { timeZone: "UTC", now: Date.now() };

  const real = await freshDatabase();
  const started = performance.now();
  const merged = mergeDuplicates(parseMarkdownLog(text, context).links).links;
  await importLinks(real.db, 1, merged, context.now);
  const importer = merged.length / ((performance.now() - started) / 1000);
  await real.db.destroy();
  real.file.cleanup();

  const raw = await freshDatabase();
  await raw.db.destroy();
  const sqlite = new SQLite(raw.file.path);
  const rawStarted = performance.now();
  rawInsert(sqlite, merged, context.now);
  const rawRate = merged.length / ((performance.now() - rawStarted) / 1000);
  sqlite.close();
  raw.file.cleanup();
  return { importer, rawRate, links: merged.length };
}

export async function importSpeed(scale: Scale): Promise<Figure[]> {
  const text = generateLog(SIZES[scale]);
  const { importer, rawRate, links } = await medianOfRuns(RUNS[scale], () => measureOnce(text));
  return [{ figure: `import: markdown log, ${links} links`, value: importer, unit: "links/s", baseline: rawRate, ratio: importer / rawRate }];
}
