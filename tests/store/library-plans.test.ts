import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/connection.js";
import { libraryFacets, libraryPage, type LibraryFilter } from "../../src/store/library.js";
import { ensureSearchIndex } from "../../src/store/search-index.js";
import { planRecordingDatabase } from "../support/query-plans.js";

/**
 * The Mini App's library queries walk indexes, never the links table: the site filter and the site counts use the
 * indexes of migration 0021 (the counts them alone), a search's matches are looked up by id.
 */
describe("query plans of the library", () => {
  let db: DB;
  let plansOf: (action: () => Promise<unknown>) => Promise<string[]>;
  const filter = (more: Partial<LibraryFilter>): LibraryFilter => ({ state: "unread", tags: [], ...more });

  beforeAll(async () => {
    const recording = await planRecordingDatabase();
    ({ db, plansOf } = recording);
    const { sqlite } = recording;
    sqlite.exec("insert into users (id, time_zone, created_at) values (1, 'UTC', 0), (2, 'UTC', 0)");
    sqlite.exec("insert into tags (id, user_id, name) values (1, 1, 'common'), (2, 1, 'rare')");
    const link = sqlite.prepare("insert into links (user_id, url, url_key, title, saved_at, read_at) values (?, ?, ?, ?, ?, ?)");
    const tag = sqlite.prepare("insert into link_tags (link_id, tag_id, tagged_at) values (?, ?, 0)");
    sqlite.transaction(() => {
      for (let i = 0; i < 22_000; i++) {
        const url = `https://${i % 100 === 0 ? "rare.org" : i % 2 ? "www.github.com" : "zhihu.com"}/${i}`;
        const { lastInsertRowid } = link.run(i < 20_000 ? 1 : 2, url, url, `进程 title ${i}`, i * 60_000, i % 3 === 0 ? i * 60_000 : null);
        if (i < 20_000) tag.run(lastInsertRowid, i % 1000 === 0 ? 2 : 1);
      }
    })();
    sqlite.exec("analyze");
    await ensureSearchIndex(db);
  });
  afterAll(async () => db.destroy());

  const noLinksScan = (plans: string[]) => {
    for (const plan of plans) expect(plan).not.toMatch(/SCAN links\b/);
  };

  it("walks the unread index for the first list, and the site index for a site", async () => {
    const first = await plansOf(() => libraryPage(db, 1, filter({}), undefined, 50));
    noLinksScan(first);
    expect(first[0]).toContain("links_user_unread");
    const site = await plansOf(() => libraryPage(db, 1, filter({ site: "rare.org" }), undefined, 50));
    noLinksScan(site);
    expect(site[0]).toMatch(/links_user_(unread_)?site \(user_id=\? AND site=\?\)/);
    expect((await libraryPage(db, 1, filter({ site: "rare.org", state: "all" }), undefined, 100)).rows).toHaveLength(100);
  });

  it("reads a rare tag's links from link_tags, and counts sites on the site index", async () => {
    const rare = await plansOf(() => libraryPage(db, 1, filter({ tags: ["rare"] }), undefined, 50));
    noLinksScan(rare);
    expect(rare.join("\n")).toContain("link_tags_tag_unread (tag_id=? AND link_unread=?)");
    const facets = await plansOf(() => libraryFacets(db, 1, "unread"));
    noLinksScan(facets);
    expect(facets.join("\n")).toContain("COVERING INDEX links_user_unread_site (user_id=?)");
    const all = await plansOf(() => libraryFacets(db, 1, "read"));
    expect(all.join("\n")).toContain("COVERING INDEX links_user_site (user_id=?)");
  });

  it("narrows a search's matches by their ids, not by walking the user's links", async () => {
    const plans = await plansOf(() => libraryPage(db, 1, filter({ q: "进程", site: "github.com" }), undefined, 50));
    noLinksScan(plans);
    expect(plans.filter((plan) => plan.includes("SEARCH links USING INTEGER PRIMARY KEY (rowid=?)")).length).toBeGreaterThanOrEqual(2);
  });
});
