import { Migrator, type Migration } from "kysely";
import { describe, expect, it } from "vitest";
import { captureLinks } from "../../src/capture/capture-links.js";
import { openDatabase, type DB } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { importLinks } from "../../src/store/import.js";
import { setRead, unreadPage } from "../../src/store/reading.js";
import { renameTag, replaceLinkTags, tagCounts, tagIdsCreatingMissing } from "../../src/store/tags.js";
import { databaseForEachTest } from "../support/database-fixture.js";

// /unread #tag and /tags count unread links from link_tags.link_unread, a copy of links.read_at kept by
// triggers: every way a link is read, unread, tagged or imported must keep the counts true.

const saved = (db: DB, ...urls: string[]) =>
  captureLinks(db, 1, { links: urls.map((url) => ({ url, title: null })), source: null }, 1000).then((r) => r.saved.map((link) => link.id));
const unreadTagged = async (db: DB, tag: string) => (await unreadPage(db, 1, { tags: [tag], oldestFirst: false }, 0, 8)).total;
const countsByTag = async (db: DB) => Object.fromEntries((await tagCounts(db, 1)).map((tag) => [tag.name, `${tag.unread}/${tag.total}`]));

describe("unread counts per tag", () => {
  const fixture = databaseForEachTest(1);

  it("follow read marks both ways, and tags put on links already read", async () => {
    const { db } = fixture;
    const [a, b, c] = await saved(db, "https://example.org/a", "https://example.org/b", "https://example.org/c");
    await setRead(db, 1, c!, true, 2000);
    await replaceLinkTags(db, 1, [a!, b!, c!], ["rust"], 3000);
    expect(await unreadTagged(db, "rust")).toBe(2);

    await setRead(db, 1, a!, true, 4000);
    expect(await unreadTagged(db, "rust")).toBe(1);
    await setRead(db, 1, c!, false, 5000);
    expect(await unreadTagged(db, "rust")).toBe(2);
    // Read again (the first read time is kept) changes nothing.
    await setRead(db, 1, a!, true, 6000);
    // A tag on no link is not listed.
    await tagIdsCreatingMissing(db, 1, ["unused"]);
    expect(await countsByTag(db)).toEqual({ rust: "2/3" });
  });

  it("hold after a tag is merged into another and after an import marks known links read", async () => {
    const { db } = fixture;
    const [a, b] = await saved(db, "https://example.org/a", "https://example.org/b");
    await replaceLinkTags(db, 1, [a!], ["elixir"], 2000);
    await replaceLinkTags(db, 1, [b!], ["beam"], 2000);
    await setRead(db, 1, a!, true, 3000);
    expect(await renameTag(db, 1, "elixir", "beam", 4000)).toBe("merged");
    expect(await countsByTag(db)).toEqual({ beam: "1/2" });

    const read = { title: null, notes: [], savedAt: null, read: true, readAt: 5000 };
    await importLinks(
      db,
      1,
      [
        { ...read, url: "https://example.org/b", urlKey: "https://example.org/b", tags: ["beam"] },
        { ...read, url: "https://example.org/new", urlKey: "https://example.org/new", tags: ["beam"] },
      ],
      5000,
    );
    expect(await countsByTag(db)).toEqual({ beam: "0/3" });
    expect(await unreadTagged(db, "beam")).toBe(0);
  });
});

describe("migration 0008", () => {
  it("fills the copy from the links already stored", async () => {
    const db = openDatabase(":memory:");
    const names = ["0001-initial", "0002-recall", "0003-digest", "0004-imports", "0005-page-info", "0006-search-by-owner", "0007-recall-indexes"];
    const before: Record<string, Migration> = {};
    for (const name of names) {
      const file = new URL(`../../migrations/2026-11-25-${name}.ts`, import.meta.url).href;
      before[`2026-11-25-${name}`] = (await import(/* @vite-ignore */ file)) as Migration;
    }
    expect((await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
    // The users table as migration 0007 left it: the store's upsert writes columns of later migrations.
    await db.insertInto("users").values({ id: 1, first_name: "user1", time_zone: "UTC", created_at: 0 }).execute();
    const [a, b] = await saved(db, "https://example.org/a", "https://example.org/b");
    await replaceLinkTags(db, 1, [a!, b!], ["rust"], 2000);
    await db.updateTable("links").set({ read_at: 3000 }).where("id", "=", a!).execute();

    await migrateToLatest(db);
    expect(await countsByTag(db)).toEqual({ rust: "1/2" });
    await db.destroy();
  });
});
