// The recall database: one heavy user (links, tags, notes over a few years) among many ordinary users, titles
// and notes mixing English and Chinese like the study log. Seeded, so every machine builds the same file; built
// once per scale and kept under bench/.cache, since the full one takes a while and later figures reuse it.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { openDatabase } from "../src/db/connection.js";
import type { Database } from "../src/db/schema.js";
import { withStatementCache } from "../src/db/statement-cache.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { ensureSearchIndex, SEARCH_INDEX_VERSION } from "../src/store/search-index.js";
import type { Scale } from "./report.js";
import { seededRandom } from "./seeded.js";

/** Bump when the generator makes different data; migrations and the search index version are in the key already. */
const DATA_VERSION = 1;

export const HEAVY_USER = 1;
/** "Now" of the generated data: the heavy user's newest links, notes and reads lie just before it. */
export const RECALL_NOW = Date.UTC(2026, 10, 25, 12);

export interface RecallSize {
  heavyLinks: number;
  heavyNotes: number;
  otherUsers: number;
  otherLinks: number;
}

export const RECALL_SIZES: Record<Scale, RecallSize> = {
  full: { heavyLinks: 100_000, heavyNotes: 30_000, otherUsers: 10_000, otherLinks: 1_000_000 },
  quick: { heavyLinks: 5_000, heavyNotes: 1_500, otherUsers: 500, otherLinks: 50_000 },
  tiny: { heavyLinks: 300, heavyNotes: 90, otherUsers: 10, otherLinks: 1_000 },
};

// Word lists in order of frequency: the first words are in a large share of all titles (the common-word
// searches), the rare word in about one title in twenty thousand.
export const ENGLISH = [
  "elixir",
  "process",
  "rust",
  "erlang",
  "beam",
  "scheduler",
  "memory",
  "thread",
  "ownership",
  "async",
  "otp",
  "supervisor",
  "genserver",
  "macro",
  "compiler",
  "garbage",
  "collector",
  "kernel",
  "linux",
  "socket",
  "network",
  "tcp",
  "http",
  "cache",
  "database",
  "index",
  "query",
  "sqlite",
  "postgres",
  "lock",
  "mutex",
  "actor",
  "message",
  "mailbox",
  "pattern",
  "matching",
  "phoenix",
  "liveview",
  "ecto",
  "nif",
  "tokio",
  "future",
  "borrow",
  "lifetime",
  "trait",
  "generic",
  "closure",
  "iterator",
  "vector",
  "hashmap",
  "btree",
  "paging",
  "virtual",
  "machine",
  "bytecode",
  "interpreter",
  "jit",
  "runtime",
  "stack",
  "heap",
  "allocation",
  "latency",
  "throughput",
  "benchmark",
  "profile",
  "flamegraph",
  "tracing",
  "logging",
  "metrics",
  "deploy",
  "release",
  "hot",
  "code",
  "upgrade",
  "distributed",
  "cluster",
  "node",
  "consensus",
  "raft",
  "paxos",
];
export const CHINESE = [
  "进程",
  "调度",
  "内存",
  "线程",
  "网络",
  "编译",
  "垃圾回收",
  "虚拟机",
  "并发",
  "分布式",
  "数据库",
  "索引",
  "查询",
  "缓存",
  "操作系统",
  "内核",
  "协议",
  "算法",
  "数据结构",
  "学习笔记",
  "复习",
  "总结",
  "原理",
  "设计",
  "模式",
  "实现",
  "性能",
  "优化",
  "测试",
  "部署",
];
export const RARE_WORD = "quokka";
const TAG_NAMES = [
  "elixir",
  "erlang",
  "rust",
  "beam",
  "otp",
  "os",
  "network",
  "database",
  "compiler",
  "async",
  "todo",
  "course",
  "paper",
  "video",
  "book",
  "talk",
  "tips",
  "机器学习",
  "操作系统",
  "数据库",
  "go",
  "python",
  "linux",
  "sqlite",
  "distributed",
  "memory",
  "perf",
  "security",
  "testing",
  "design",
  "career",
  "math",
  "algorithms",
  "学习",
  "读书",
  "工具",
];
const SITES = ["medium.com", "blog.example.org", "ejpcmac.net", "zh.wikipedia.org", "news.ycombinator.com", "github.com", "elixirforum.com", "www.zhihu.com"];

const DAY = 86_400_000;
/** The heavy user saves about this many links a day, at every scale, so a day's /today looks alike. */
const LINKS_PER_DAY = 90;

function zipfPicker<T>(items: readonly T[], random: () => number): () => T {
  const weights = items.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) cumulative.push((sum += weight));
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return items[low]!;
  };
}

function texts(random: () => number) {
  const english = zipfPicker(ENGLISH, random);
  const chinese = zipfPicker(CHINESE, random);
  const word = () => (random() < 0.25 ? chinese() : english());
  const words = (n: number) => Array.from({ length: n }, word).join(" ");
  return {
    title(): string {
      const base = words(3 + Math.floor(random() * 5));
      const rare = random() < 1 / 20_000 ? ` ${RARE_WORD}` : "";
      // Chinese glued to English, as the study log writes it ("BEAM 也是 ERTS 一部分").
      return random() < 0.3 ? `${english()} ${chinese()}${chinese()} ${base}${rare}` : `${base}${rare}`;
    },
    slug: () => Array.from({ length: 2 + Math.floor(random() * 3) }, english).join("-"),
    note(): string {
      const lines = 1 + Math.floor(random() * 3);
      return Array.from({ length: lines }, (_, i) => `${i > 0 ? "  " : ""}${words(4 + Math.floor(random() * 10))}`).join("\n");
    },
  };
}

/**
 * A connection for building the file, which is thrown away if the build stops half-way: no journal, no syncs,
 * and a page cache large enough that pages are written once, at the end, instead of spilling all along.
 */
function generatorConnection(path: string): SQLite.Database {
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -2000000");
  return sqlite;
}

/** Fills a migrated, empty database file; the search index is left to the product's own rebuild. */
function fillDatabase(path: string, size: RecallSize): void {
  const random = seededRandom(20261125);
  const make = texts(random);
  const sqlite = generatorConnection(path);
  const insertUser = sqlite.prepare("insert into users (id, first_name, time_zone, created_at, digest_next_at) values (?, ?, 'UTC', 0, 0)");
  const insertTag = sqlite.prepare("insert into tags (id, user_id, name) values (?, ?, ?)");
  const insertLink = sqlite.prepare(
    "insert into links (id, user_id, url, url_key, title, title_source, saved_at, read_at) values (?, ?, ?, ?, ?, 'user', ?, ?)",
  );
  const insertLinkTag = sqlite.prepare("insert or ignore into link_tags (link_id, tag_id, tagged_at) values (?, ?, ?)");
  const savedAtOf = sqlite.prepare("select saved_at from links where id = ?").pluck();
  const insertNote = sqlite.prepare(
    "insert into notes (user_id, link_id, text, created_at, updated_at, chat_id, message_id) values (?, ?, ?, ?, ?, null, null)",
  );

  const users = 1 + size.otherUsers;
  const tagsPerUser = (user: number) => (user === HEAVY_USER ? TAG_NAMES.length : 24);
  const firstTagId = (user: number) => (user === HEAVY_USER ? 1 : 1 + TAG_NAMES.length + (user - 2) * 24);
  const totalLinks = size.heavyLinks + size.otherLinks;
  // The heavy user's share of all saves, spread evenly so link ids interleave as they would in one shared bot.
  const heavyEvery = totalLinks / size.heavyLinks;
  const span = (size.heavyLinks / LINKS_PER_DAY) * DAY;
  const start = RECALL_NOW - span;
  const heavyLinkIds: number[] = [];

  sqlite.transaction(() => {
    for (let user = 1; user <= users; user++) {
      insertUser.run(user, user === HEAVY_USER ? "heavy" : `user${user}`);
      for (let t = 0; t < tagsPerUser(user); t++) insertTag.run(firstTagId(user) + t, user, TAG_NAMES[(t + user) % TAG_NAMES.length]!);
    }
    const tagOffset = zipfPicker(
      Array.from({ length: TAG_NAMES.length }, (_, i) => i),
      random,
    );
    let heavySoFar = 0;
    for (let id = 1; id <= totalLinks; id++) {
      const heavy = heavySoFar < size.heavyLinks && id >= heavySoFar * heavyEvery;
      if (heavy) heavySoFar++;
      const user = heavy ? HEAVY_USER : 2 + Math.floor(random() * size.otherUsers);
      const savedAt = Math.floor(start + (id / totalLinks) * span - random() * 60_000);
      const age = RECALL_NOW - savedAt;
      // Old links are mostly read; the last weeks' mostly not.
      const read = random() < (age > 60 * DAY ? 0.7 : 0.2);
      const readAt = read ? Math.min(RECALL_NOW - 1, savedAt + Math.floor(random() * 30 * DAY)) : null;
      const url = `https://${SITES[id % SITES.length]}/${make.slug()}/${id}`;
      insertLink.run(id, user, url, url, make.title(), savedAt, readAt);
      if (heavy) heavyLinkIds.push(id);
      const tagCount = Math.floor(random() * 3.5);
      for (let t = 0; t < tagCount; t++) {
        const offset = tagOffset() % tagsPerUser(user);
        insertLinkTag.run(id, firstTagId(user) + offset, savedAt);
      }
      if (!heavy && random() < 0.1) insertNote.run(user, id, make.note(), savedAt, savedAt);
    }
    for (let n = 0; n < size.heavyNotes; n++) {
      // Notes lean towards recent links: the square pulls the index towards the end of the list.
      const index = Math.floor((1 - random() ** 2) * heavyLinkIds.length);
      const linkId = heavyLinkIds[Math.min(index, heavyLinkIds.length - 1)]!;
      const savedAt = savedAtOf.get(linkId) as number;
      const createdAt = Math.min(RECALL_NOW - 1, savedAt + Math.floor(random() * 3 * DAY));
      insertNote.run(HEAVY_USER, linkId, make.note(), createdAt, createdAt);
    }
  })();
  sqlite.close();
}

function cacheDirectory(): string {
  return fileURLToPath(new URL("./.cache", import.meta.url));
}

/** What a cached file must have been built with: the generator, every migration, the search text. */
function cacheKey(): string {
  const migrations = readdirSync(fileURLToPath(new URL("../migrations", import.meta.url)))
    .filter((file) => /\.(ts|js)$/.test(file))
    .map((file) => file.slice(0, 15))
    .sort();
  return `d${DATA_VERSION}-m${migrations.length}-${migrations.at(-1)}-s${SEARCH_INDEX_VERSION}`;
}

/**
 * The path of the recall database for this scale, built first when no file with the current key exists (raw
 * inserts after the real migrations, then the product's own search index rebuild). Older files are removed.
 */
export async function recallDatabase(scale: Scale): Promise<string> {
  const directory = cacheDirectory();
  const name = `recall-${scale}-${cacheKey()}.db`;
  const path = join(directory, name);
  if (existsSync(path)) return path;
  mkdirSync(directory, { recursive: true });
  for (const file of readdirSync(directory)) if (file.startsWith(`recall-${scale}-`)) rmSync(join(directory, file), { force: true });

  // Built under another name and renamed at the end, so an interrupted build is never taken for a finished one.
  const building = join(directory, `building-${process.pid}-${name}`);
  const db = openDatabase(building);
  await migrateToLatest(db);
  await db.destroy();
  fillDatabase(building, RECALL_SIZES[scale]);
  const sqlite = generatorConnection(building);
  await ensureSearchIndex(new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }));
  // A rollback journal, as a file of its own that the benchmark's connections may open in any mode.
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  renameSync(building, path);
  return path;
}
