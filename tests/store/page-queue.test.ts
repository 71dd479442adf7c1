import { describe, expect, it } from "vitest";
import type { KeyedLink } from "../../src/portable/merge.js";
import { importLinks } from "../../src/store/import.js";
import { saveLinks } from "../../src/store/links.js";
import { claimFetch, dueFetches, recordFetchedPage, requestRefetch } from "../../src/store/page-info.js";
import { databaseForEachTest } from "../support/database-fixture.js";
import { planRecordingDatabase } from "../support/query-plans.js";

const imported = (url: string, title: string | null = null): KeyedLink => ({
  url,
  urlKey: url,
  title,
  tags: [],
  notes: [],
  savedAt: 1_000,
  read: false,
  readAt: null,
});
const live = (url: string) => ({ url, urlKey: url, title: null, source: null });
const page = (title: string) => ({ title, siteName: "Site", description: null, language: null, contentType: "text/html", readingMinutes: 3 });

/** The page-title queue: live saves ahead of imports, imports queued once and never over the user's titles. */
describe("the page-title queue", () => {
  const fixture = databaseForEachTest(1);

  it("hands out every due live save before any imported link, even one imported earlier", async () => {
    const { db } = fixture;
    await importLinks(
      db,
      1,
      ["https://a.org/1", "https://a.org/2", "https://b.org/3"].map((url) => imported(url)),
      10_000,
    );
    await saveLinks(db, 1, [live("https://c.org/live")], 20_000);
    await saveLinks(db, 1, [live("https://c.org/later")], 30_000);

    expect((await dueFetches(db, 30_000, 10)).map((link) => [link.url, link.fetch_priority])).toEqual([
      ["https://c.org/live", 0],
      ["https://c.org/later", 0],
      ["https://a.org/1", 1],
      ["https://a.org/2", 1],
      ["https://b.org/3", 1],
    ]);
    expect((await dueFetches(db, 30_000, 1)).map((link) => link.url)).toEqual(["https://c.org/live"]);
    // Not due yet is not due, whatever its priority.
    expect((await dueFetches(db, 15_000, 10)).map((link) => link.url)).toEqual(["https://a.org/1", "https://a.org/2", "https://b.org/3"]);
  });

  it("lets one of several instances claiming at once take each due link, and no other", async () => {
    const { db } = fixture;
    await importLinks(
      db,
      1,
      Array.from({ length: 40 }, (_, i) => imported(`https://a.org/race/${i}`)),
      10_000,
    );
    const due = await dueFetches(db, 10_000, 40);
    // Three claims of every link at once: on PostgreSQL they run on separate connections of the pool.
    const claims = await Promise.all(due.flatMap((link) => [1, 2, 3].map(() => claimFetch(db, link.id, 20_000, 10_000))));
    expect(claims.filter(Boolean)).toHaveLength(40);
    expect(await dueFetches(db, 10_000, 40)).toEqual([]);
  });

  it("queues only new untitled links of an import, and importing them again queues nothing", async () => {
    const { db } = fixture;
    const file = [imported("https://a.org/untitled"), imported("https://a.org/titled", "My words")];
    expect(await importLinks(db, 1, file, 10_000)).toMatchObject({ added: 2, titlesQueued: 1 });
    const [due] = await dueFetches(db, 10_000, 10);
    expect(due).toMatchObject({ url: "https://a.org/untitled", fetch_priority: 1 });
    expect(await claimFetch(db, due!.id, 20_000, 10_000)).toBe(true);
    await recordFetchedPage(db, due!.id, page("Fetched"));

    expect(await importLinks(db, 1, file, 50_000)).toMatchObject({ added: 0, titlesQueued: 0 });
    expect(await dueFetches(db, 50_000, 10)).toEqual([]);
    expect(await db.selectFrom("links").select(["url", "title", "title_source"]).orderBy("id").execute()).toEqual([
      { url: "https://a.org/untitled", title: "Fetched", title_source: "page" },
      { url: "https://a.org/titled", title: "My words", title_source: "user" },
    ]);
  });

  it("never replaces a title from the file with the page's, and /refetch puts a link ahead of imports", async () => {
    const { db } = fixture;
    await importLinks(db, 1, [imported("https://a.org/queued"), imported("https://a.org/titled", "My words")], 10_000);
    const titled = await db.selectFrom("links").select("id").where("url", "=", "https://a.org/titled").executeTakeFirstOrThrow();
    expect(await requestRefetch(db, 1, titled.id, 10_000)).toBe(true);
    expect((await dueFetches(db, 10_000, 10)).map((link) => [link.url, link.fetch_priority])).toEqual([
      ["https://a.org/titled", 0],
      ["https://a.org/queued", 1],
    ]);

    await recordFetchedPage(db, titled.id, page("The page's own title"));
    expect(await db.selectFrom("links").select(["title", "fetched_title", "site_name"]).where("id", "=", titled.id).executeTakeFirstOrThrow()).toEqual({
      title: "My words",
      fetched_title: "The page's own title",
      site_name: "Site",
    });
  });

  it("keeps a title the file fills in on a link saved untitled, when the page arrives afterwards", async () => {
    const { db } = fixture;
    const [saved] = await saveLinks(db, 1, [live("https://a.org/x")], 10_000);
    expect(await importLinks(db, 1, [imported("https://a.org/x", "From my log")], 20_000)).toMatchObject({ updated: 1, titlesQueued: 0 });
    await recordFetchedPage(db, saved!.link.id, page("Page title"));
    expect(await db.selectFrom("links").select(["title", "title_source"]).executeTakeFirstOrThrow()).toEqual({ title: "From my log", title_source: "user" });
  });

  it("reads the due links of each priority off the queue index, without sorting them", async () => {
    const { db, plansOf } = await planRecordingDatabase();
    const plans = await plansOf(() => dueFetches(db, 1_000, 100));
    await db.destroy();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toContain("USING INDEX links_fetch_queue (fetch_priority=? AND fetch_next_at<?)");
    expect(plans[0]).not.toContain("TEMP B-TREE");
  });
});
