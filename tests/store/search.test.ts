import { testsOnPostgres } from "../support/postgres.js";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveLinks } from "../../src/store/links.js";
import { MAX_RANKED, searchLinks } from "../../src/store/search.js";
import { ensureSearchIndex, reindexLinks, SEARCH_INDEX_VERSION } from "../../src/store/search-index.js";
import { replaceLinkTags } from "../../src/store/tags.js";
import { planRecordingDatabase } from "../support/query-plans.js";
import { databaseForEachTest } from "../support/database-fixture.js";

const fixture = databaseForEachTest(1, 2);

async function save(userId: number, url: string, title: string | null): Promise<number> {
  const [outcome] = await saveLinks(fixture.db, userId, [{ url, urlKey: url, title, source: null }], Date.now());
  return outcome!.link.id;
}

async function addNote(userId: number, linkId: number, text: string): Promise<void> {
  await fixture.db
    .insertInto("notes")
    .values({ user_id: userId, link_id: linkId, text, created_at: 0, updated_at: 0, chat_id: null, message_id: null })
    .execute();
  await reindexLinks(fixture.db, [linkId]);
}

const titles = async (userId: number, input: string) => (await searchLinks(fixture.db, userId, input, 0, 50)).links.map((link) => link.title);

describe("searching links", () => {
  it("finds a title word, the start of a word, any case and without accents", async () => {
    await save(1, "https://ejpcmac.net/blog/structs", "Typed Elixir structs without boilerplate");
    await save(1, "https://example.org/cafe", "Le café des développeurs");
    await save(1, "https://example.org/other", "Something else");
    expect(await titles(1, "elixir")).toEqual(["Typed Elixir structs without boilerplate"]);
    expect(await titles(1, "ELIX struct")).toEqual(["Typed Elixir structs without boilerplate"]);
    expect(await titles(1, "cafe developpeurs")).toEqual(["Le café des développeurs"]);
    expect(await titles(1, "elixir else")).toEqual([]);
  });

  it("finds a part of the URL, percent-escaped words included", async () => {
    await save(1, "https://ejpcmac.net/blog/structs", "A post");
    await save(1, "https://zh.wikipedia.org/wiki/%E8%BF%9B%E7%A8%8B", null);
    expect(await titles(1, "ejpcmac")).toEqual(["A post"]);
    expect((await searchLinks(fixture.db, 1, "wikipedia 进程", 0, 8)).total).toBe(1);
  });

  it("finds by tag, where #tag looks at whole tags only, and forgets a tag once removed", async () => {
    const tagged = await save(1, "https://example.org/beam", "The BEAM book");
    await save(1, "https://example.org/vm", "Virtual machines, the beam among them");
    await replaceLinkTags(fixture.db, 1, [tagged], ["erlang", "机器学习"], 0);
    expect(await titles(1, "#erlang")).toEqual(["The BEAM book"]);
    expect(await titles(1, "erlang")).toEqual(["The BEAM book"]);
    expect(await titles(1, "#学习")).toEqual(["The BEAM book"]);
    expect(await titles(1, "#erl")).toEqual([]);
    expect(await titles(1, "erl")).toEqual(["The BEAM book"]);
    expect(await titles(1, "#beam")).toEqual([]);
    await replaceLinkTags(fixture.db, 1, [tagged], [], 0);
    expect(await titles(1, "#erlang")).toEqual([]);
  });

  it("finds note text and shows where it occurs", async () => {
    const id = await save(1, "https://example.org/a", "Lecture 4");
    await addNote(1, id, "First note");
    await addNote(1, id, "The scheduler picks the <next> process");
    const found = await searchLinks(fixture.db, 1, "schedul", 0, 8);
    expect(found.links.map((link) => link.id)).toEqual([id]);
    expect(found.snippets.get(id)).toBe("The <b>scheduler</b> picks the &lt;next&gt; process");
  });

  it("finds a Chinese word inside a longer run of a note", async () => {
    const id = await save(1, "https://example.org/os", "OS course");
    await addNote(1, id, "今天复习了操作系统的进程调度算法");
    const found = await searchLinks(fixture.db, 1, "进程", 0, 8);
    expect(found.links.map((link) => link.id)).toEqual([id]);
    expect(found.snippets.get(id)).toContain("<b>进程</b>");
    expect(await titles(1, "调度算法")).toEqual(["OS course"]);
    expect(await titles(1, "进调")).toEqual([]);
  });

  it("finds Japanese and Korean words inside titles", async () => {
    await save(1, "https://example.jp/weather", "東京の天気予報");
    await save(1, "https://example.kr/os", "운영체제 강의");
    expect(await titles(1, "天気")).toEqual(["東京の天気予報"]);
    expect(await titles(1, "予")).toEqual(["東京の天気予報"]);
    expect(await titles(1, "체제")).toEqual(["운영체제 강의"]);
  });

  it("never finds another user's links", async () => {
    await save(1, "https://example.org/mine", "Elixir mine");
    await save(2, "https://example.org/theirs", "Elixir theirs");
    const found = await searchLinks(fixture.db, 1, "elixir", 0, 8);
    expect(found.total).toBe(1);
    expect(found.links.map((link) => link.title)).toEqual(["Elixir mine"]);
  });

  it("ranks a title match above a match in a note only", async () => {
    const inNote = await save(1, "https://example.org/n", "Lecture notes");
    await addNote(1, inNote, "mentions ownership once");
    await save(1, "https://example.org/t", "Rust ownership explained");
    expect(await titles(1, "ownership")).toEqual(["Rust ownership explained", "Lecture notes"]);
  });

  it("pages through many results, a page past the end showing the last one", async () => {
    for (let i = 0; i < 10; i++) await save(1, `https://example.org/${i}`, `Elixir part ${i}`);
    const second = await searchLinks(fixture.db, 1, "elixir", 1, 4);
    expect(second.total).toBe(10);
    expect(second.page).toMatchObject({ index: 1, count: 3 });
    expect(second.links).toHaveLength(4);
    const late = await searchLinks(fixture.db, 1, "elixir", 99, 4);
    expect(late.page.index).toBe(2);
    expect(late.links).toHaveLength(2);
  });

  it("no longer finds a deleted link", async () => {
    const id = await save(1, "https://example.org/x", "Elixir gone");
    await fixture.db.deleteFrom("links").where("id", "=", id).execute();
    expect(await titles(1, "elixir")).toEqual([]);
  });

  it("indexes and shows the start of a 20 MiB note", async () => {
    const id = await save(1, "https://example.org/huge", "Huge");
    await addNote(1, id, `scheduler ${"进程".repeat(5 * 2 ** 20)} ${"x".repeat(10 * 2 ** 20)}`);
    const found = await searchLinks(fixture.db, 1, "schedul 进程", 0, 8);
    expect(found.links.map((link) => link.id)).toEqual([id]);
    expect(found.snippets.get(id)).toMatch(/^<b>scheduler<\/b> 进程/);
  });

  it("finds nothing for input without a searchable word", async () => {
    await save(1, "https://example.org/x", "Elixir");
    expect(await searchLinks(fixture.db, 1, '"*()', 0, 8)).toMatchObject({ total: 0, links: [] });
  });
});

describe("keeping the index current", () => {
  const version = () => fixture.db.selectFrom("meta").select("value").where("key", "=", "search_index_version").executeTakeFirst();

  it("rebuilds the index once for links saved without it, then leaves it alone", async () => {
    await fixture.db
      .insertInto("links")
      .values(
        [1, 2].map((user_id) => ({ user_id, url: `https://e.org/${user_id}`, url_key: `${user_id}`, title: "Old elixir link", source: null, saved_at: 0 })),
      )
      .execute();
    expect(await titles(1, "elixir")).toEqual([]);

    expect(await ensureSearchIndex(fixture.db)).toBe(true);
    expect(await titles(1, "elixir")).toEqual(["Old elixir link"]);
    expect(await titles(2, "elixir")).toEqual(["Old elixir link"]);
    expect(await version()).toEqual({ value: String(SEARCH_INDEX_VERSION) });
    expect(await ensureSearchIndex(fixture.db)).toBe(false);
    // Merging, turned off for the bulk load, is back on for everyday writes (FTS5's; a GIN index does not merge).
    if (!testsOnPostgres()) {
      const config = await sql<{ v: number }>`select v from link_search_config where k = 'automerge'`.execute(fixture.db);
      expect(config.rows).toEqual([{ v: 4 }]);
    }
  });

  it("rebuilds when the index was written by another version, dropping rows of links that are gone", async () => {
    const id = await save(1, "https://example.org/a", "Elixir");
    await ensureSearchIndex(fixture.db);
    await fixture.db.updateTable("meta").set({ value: "0" }).execute();
    // PostgreSQL's rows go with their links (a foreign key): only FTS5's can outlive them.
    if (!testsOnPostgres())
      await sql`insert into link_search (rowid, title, url, tags, notes) values (999, 'u1xstray u1xelixir', '', '', '')`.execute(fixture.db);
    expect(await ensureSearchIndex(fixture.db)).toBe(true);
    const rows = await fixture.db.selectFrom("link_search").select("rowid").execute();
    expect(rows).toEqual([{ rowid: id }]);
  });
});

// SQLite's plans; the same file's PostgreSQL run has nothing to add to them.
describe.skipIf(testsOnPostgres())("query plan of a search", () => {
  let recorder: Awaited<ReturnType<typeof planRecordingDatabase>>;
  beforeAll(async () => {
    recorder = await planRecordingDatabase();
    recorder.sqlite.exec("insert into users (id, time_zone, created_at) values (1, 'UTC', 0), (2, 'UTC', 0)");
    const link = recorder.sqlite.prepare("insert into links (user_id, url, url_key, title, saved_at) values (?, ?, ?, ?, ?)");
    recorder.sqlite.transaction(() => {
      for (let i = 0; i < 22_000; i++) link.run(i < 20_000 ? 1 : 2, `https://example.org/${i}`, `${i}`, `Elixir 进程 ${i}`, i);
    })();
    await ensureSearchIndex(recorder.db);
    recorder.sqlite.exec("analyze");
  });
  afterAll(async () => recorder.db.destroy());

  const print = (name: string, plans: string[]) =>
    console.log(`${name}:\n${plans.map((plan, i) => `  [${i + 1}] ${plan.replaceAll("\n", "\n      ")}`).join("\n")}`);

  it("reads the newest matches in index order and fetches their links by id, never scanning links", async () => {
    const plans = await recorder.plansOf(() => searchLinks(recorder.db, 1, "elixir 进程", 0, 8));
    print("search plans, more matches than are ranked", plans);
    // The whole words alone are too many to rank: no prefix query follows them.
    const [newest, page] = plans;
    expect(newest).toMatch(/^SCAN link_search VIRTUAL TABLE INDEX \d+:M/);
    expect(newest).toContain("SEARCH links USING INTEGER PRIMARY KEY (rowid=?)");
    // FTS5 yields rowids newest first itself: no sort over all the matches.
    expect(newest).not.toContain("TEMP B-TREE");
    expect(page).toBe("SEARCH links USING INTEGER PRIMARY KEY (rowid=?)");
    for (const plan of plans) expect(plan).not.toMatch(/SCAN links\b/);
    const found = await searchLinks(recorder.db, 1, "elixir 进程", 0, 8);
    expect(found).toMatchObject({ total: MAX_RANKED, more: true });
    expect(found.links[0]?.title).toBe("Elixir 进程 19999");
  });

  it("ranks a few matches in the pass that counts them, reading the index no third time", async () => {
    const plans = await recorder.plansOf(() => searchLinks(recorder.db, 1, "elixir 1999", 0, 8));
    print("search plans, few matches", plans);
    // Whole words first; as they are few, the prefix query gathers, counts and ranks the matches at once.
    const [whole, ranked, page] = plans;
    for (const plan of [whole, ranked]) {
      expect(plan).toMatch(/^SCAN link_search VIRTUAL TABLE INDEX \d+:M/);
      expect(plan).toContain("SEARCH links USING INTEGER PRIMARY KEY (rowid=?)");
    }
    expect(page).toBe("SEARCH links USING INTEGER PRIMARY KEY (rowid=?)");
    expect(plans.filter((plan) => plan.includes("link_search VIRTUAL TABLE"))).toHaveLength(2);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN links\b/);
  });
});
