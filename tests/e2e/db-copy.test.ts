import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableShapes } from "../../src/db/catalog.js";
import { openDatabase, type DB } from "../../src/db/connection.js";
import { copyDatabase, CopyRefused, insertOrder } from "../../src/db/copy.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { rememberLinkMessage, saveLinks } from "../../src/store/links.js";
import { addNote } from "../../src/store/notes.js";
import { setRead } from "../../src/store/reading.js";
import { ensureSearchIndex } from "../../src/store/search-index.js";
import { addLinkTags } from "../../src/store/tags.js";
import { softDeleteLink } from "../../src/store/trash.js";
import { upsertUser } from "../../src/store/users.js";
import { tempDatabasePath } from "../support/bot-process.js";
import { adminQuery, databaseUrl, dropDatabase, postgresUnavailable } from "../support/postgres.js";

const root = new URL("../..", import.meta.url);
// Astral letters, an emoji sequence joined by ZWJ, right-to-left text, a combining mark, a BOM, a line break: no NUL.
const ODD = "𝔘𝔫𝔦 👩‍💻 שלום e\u0301 \uFEFFx\ny";

/** A database as the bot leaves it: links with tags and notes, some read, one in the trash, in two users' hands. */
async function seed(db: DB): Promise<void> {
  await migrateToLatest(db);
  await upsertUser(db, { id: 1001, first_name: "林", language_code: "zh" }, "Asia/Shanghai", 1_000);
  await upsertUser(db, { id: 1002, first_name: ODD }, "UTC", 2_000);
  await saveLinks(db, 1002, [{ url: "https://例子.cn/路径", urlKey: "例子.cn/路径", title: "中文标题", source: null }], 9_000);
  const saved = await saveLinks(
    db,
    1001,
    ["进程与线程", ODD, null, "third"].map((title, i) => ({
      url: `https://example.org/${i}`,
      urlKey: `example.org/${i}`,
      title,
      source: null,
      note: i === 0 ? "笔记：进程" : null,
    })),
    10_000,
    { source: "频道", chatId: 1001, messageId: 1 },
  );
  const ids = saved.map(({ link }) => link.id);
  await addLinkTags(db, 1001, ids, ["学习", "rust"], 11_000);
  await addLinkTags(db, 1001, [ids[1]!], [ODD], 11_500);
  await addNote(db, { userId: 1001, linkId: ids[1]!, text: ODD, source: { chatId: 1001, messageId: 2 }, now: 12_000 });
  await setRead(db, 1001, ids[0]!, true, 13_000);
  await setRead(db, 1001, ids[2]!, true, 13_500);
  // The last link saved goes to the trash: its id is above every id left in links.
  await softDeleteLink(db, 1001, ids[3]!, 14_000);
  await rememberLinkMessage(db, 1001, 3, [ids[1]!]);
  await db.insertInto("conversation_state").values({ key: "1002:1002", value: '{"step":"中"}', updated_at: 16_000 }).execute();
  await db.insertInto("meta").values({ key: "search_index_version", value: "5" }).execute();
}

/** Every table the copy covers, each row of each (ids included), in primary-key order. */
async function contents(db: DB): Promise<Record<string, unknown[]>> {
  const shapes = (await tableShapes(db)).filter((shape) => !/^(link_search|kysely_migration)/.test(shape.name));
  const tables: Record<string, unknown[]> = {};
  for (const shape of shapes) {
    const order = sql.join(shape.primaryKey.map((column) => sql.ref(column)));
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(shape.name)} order by ${order}`.execute(db);
    // link_messages' insertion order: a column on PostgreSQL, SQLite's hidden rowid (not in `select *`).
    tables[shape.name] = rows.map(({ rowid, ...row }) => (shape.name === "link_messages" ? row : { rowid, ...row }));
  }
  return tables;
}

const withoutSearchVersion = (tables: Record<string, unknown[]>) => ({
  ...tables,
  meta: tables.meta!.filter((row) => (row as { key: string }).key !== "search_index_version"),
});

describe("copying a database", () => {
  const files = tempDatabasePath();
  const file = (name: string) => join(files.path, "..", name);
  afterAll(() => files.cleanup());

  it("copies SQLite into a new SQLite file row for row, ids and counters kept, and the next start rebuilds search", async () => {
    const [source, target] = [openDatabase(file("a.db")), openDatabase(file("b.db"))];
    await seed(source);
    const copied = await copyDatabase(source, target);
    expect(copied.find(({ table }) => table === "links")).toEqual({ table: "links", rows: 4 });
    expect(copied.map(({ table }) => table)).not.toContain("link_search");
    expect(await contents(target)).toEqual(withoutSearchVersion(await contents(source)));
    expect(await ensureSearchIndex(target)).toBe(true);
    expect(await sql`select * from sqlite_sequence order by name`.execute(target)).toEqual(
      await sql`select * from sqlite_sequence order by name`.execute(source),
    );
    await Promise.all([source.destroy(), target.destroy()]);
  });

  it("refuses a target that holds a user or a link, and leaves it as it was", async () => {
    const [source, target] = [openDatabase(file("refused-source.db")), openDatabase(file("refused-target.db"))];
    await seed(source);
    await migrateToLatest(target);
    await upsertUser(target, { id: 1, first_name: "" }, "UTC", 0);
    const before = await contents(target);
    await expect(copyDatabase(source, target)).rejects.toThrow(CopyRefused);
    expect(await contents(target)).toEqual(before);
    await Promise.all([source.destroy(), target.destroy()]);
  });

  it("rolls back when a trigger would change a copied value (link_tags.link_unread out of step with read_at)", async () => {
    const [source, target] = [openDatabase(file("unread-source.db")), openDatabase(file("unread-target.db"))];
    await seed(source);
    await sql`update link_tags set link_unread = 1`.execute(source);
    await expect(copyDatabase(source, target)).rejects.toThrow(/link_tags.link_unread: sums to 7 in the source, 3 in the target/);
    expect(await target.selectFrom("users").select("id").execute()).toEqual([]);
    await Promise.all([source.destroy(), target.destroy()]);
  });

  it("puts parents first and breaks the users ↔ links cycle at the nullable last_link_id", () => {
    const shape = (name: string, parents: [string, string][], nullable: string[] = []) => ({
      name,
      columns: [],
      primaryKey: ["id"],
      nullable: new Set(nullable),
      parents: parents.map(([column, table]) => ({ column, table })),
    });
    const { order, deferred } = insertOrder([
      shape("link_tags", [
        ["link_id", "links"],
        ["tag_id", "tags"],
      ]),
      shape("tags", [["user_id", "users"]]),
      shape("links", [["user_id", "users"]]),
      shape("users", [["last_link_id", "links"]], ["last_link_id"]),
    ]);
    expect(order.map(({ name }) => name)).toEqual(["users", "tags", "links", "link_tags"]);
    expect(deferred).toEqual(new Map([["users", ["last_link_id"]]]));
  });
});

describe("copying between SQLite and PostgreSQL", () => {
  const files = tempDatabasePath();
  const names: string[] = [];
  let unavailable: string | null = null;
  beforeAll(async () => {
    unavailable = await postgresUnavailable();
  });
  afterAll(async () => {
    files.cleanup();
    for (const name of names) await dropDatabase(name);
  });

  async function newPostgresDatabase(): Promise<string> {
    const name = `linklog_copy_${randomBytes(6).toString("hex")}`;
    await adminQuery(`create database ${name}`);
    names.push(name);
    return databaseUrl(name);
  }

  it("goes SQLite → PostgreSQL → SQLite with every row unchanged, and new rows on PostgreSQL get fresh ids", async (ctx) => {
    if (unavailable) ctx.skip(`PostgreSQL part skipped: ${unavailable}`);
    const original = openDatabase(join(files.path, "..", "original.db"));
    await seed(original);
    const postgres = openDatabase(await newPostgresDatabase(), { poolSize: 2 });
    const back = openDatabase(join(files.path, "..", "back.db"));
    await copyDatabase(original, postgres);
    await copyDatabase(postgres, back);
    const expected = withoutSearchVersion(await contents(original));
    expect(await contents(postgres)).toEqual(expected);
    expect(await contents(back)).toEqual(expected);
    expect(await sql`select * from sqlite_sequence order by name`.execute(back)).toEqual(
      await sql`select * from sqlite_sequence order by name`.execute(original),
    );

    // The link in the trash holds id 5, above every id in links: a new link must not take it, or Undo would collide.
    const fresh = await postgres
      .insertInto("links")
      .values({ user_id: 1002, url: "https://example.org/new", url_key: "example.org/new", title: null, source: null, saved_at: 20_000 })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(fresh.id).toBe(6);
    await Promise.all([original.destroy(), postgres.destroy(), back.destroy()]);
  });

  it("runs as npm run db:copy: usage, refusal and success by exit code", async (ctx) => {
    if (unavailable) ctx.skip(`PostgreSQL part skipped: ${unavailable}`);
    const source = join(files.path, "..", "cli-source.db");
    const seeded = openDatabase(source);
    await seed(seeded);
    await seeded.destroy();
    const target = await newPostgresDatabase();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/cli/db-copy.ts", ...args], { cwd: root, env: { PATH: process.env.PATH }, encoding: "utf8" });

    const usage = run("--from", source);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: npm run db:copy -- --from");
    const same = run("--from", source, "--to", `sqlite:${source}`);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain("--from and --to name the same database");

    const copy = run("--from", source, "--to", target);
    expect(copy.status, copy.stderr).toBe(0);
    expect(copy.stdout).toMatch(/^ {2}links +4$/m);
    expect(copy.stdout).toMatch(/^ {2}link_tags +7$/m);
    expect(copy.stdout).toMatch(/rows in \d+\.\d s/);

    const again = run("--from", source, "--to", target);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("the target database is not empty (users: 2 rows); db:copy writes only into a new, empty database");
  });
});
