import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/connection.js";
import { planRecordingDatabase } from "../support/query-plans.js";
import { activityBetween, countUnread, unreadPage } from "../../src/store/reading.js";

/**
 * With 100,000 links for one user and 10,000 of other users, the recall queries must walk indexes:
 * the plans must never scan the links table. The plans are printed for the record.
 */
describe("query plans of recall queries", () => {
  let sqlite: Awaited<ReturnType<typeof planRecordingDatabase>>["sqlite"];
  let db: DB;
  let plansOf: (action: () => Promise<unknown>) => Promise<string[]>;

  beforeAll(async () => {
    ({ db, sqlite, plansOf } = await planRecordingDatabase());
    const day = 86_400_000;
    sqlite.exec("insert into users (id, time_zone, created_at) values (1, 'UTC', 0), (2, 'UTC', 0)");
    const link = sqlite.prepare("insert into links (user_id, url, url_key, title, saved_at, read_at) values (?, ?, ?, ?, ?, ?)");
    const tag = sqlite.prepare("insert into link_tags (link_id, tag_id, tagged_at) values (?, ?, 0)");
    sqlite.exec("insert into tags (id, user_id, name) values (1, 1, 'elixir'), (2, 1, 'rust')");
    sqlite.transaction(() => {
      for (let i = 0; i < 110_000; i++) {
        const user = i < 100_000 ? 1 : 2;
        const url = `https://example.org/${i}`;
        const { lastInsertRowid } = link.run(user, url, url, `Title ${i}`, i * 60_000, i % 3 === 0 ? i * 60_000 + day : null);
        if (user === 1 && i % 10 === 0) tag.run(lastInsertRowid, i % 20 === 0 ? 1 : 2);
      }
    })();
    sqlite.exec("analyze");
  });
  afterAll(async () => {
    await db.destroy();
  });

  function expectNoLinksScan(name: string, plans: string[]) {
    console.log(`${name}:\n${plans.map((p, i) => `  [${i + 1}] ${p.replaceAll("\n", "\n      ")}`).join("\n")}`);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN links\b/);
    expect(plans.length).toBeGreaterThan(0);
  }

  it("/unread first page walks the unread index", async () => {
    const plans = await plansOf(() => unreadPage(db, 1, { tags: [], oldestFirst: false }, 0, 8));
    expectNoLinksScan("unread", plans);
    expect(plans[0]).toContain("links_user_unread");
  });

  it("/unread #tag starts from the tag's links", async () => {
    expectNoLinksScan("unread #tag", await plansOf(() => unreadPage(db, 1, { tags: ["elixir"], oldestFirst: false }, 0, 8)));
  });

  it("/today uses the saved, read and notes time indexes", async () => {
    const start = 50_000 * 60_000;
    const plans = await plansOf(() => activityBetween(db, 1, start, start + 86_400_000, { links: 6, notes: 5 }));
    expectNoLinksScan("today", plans);
    expect(plans.join("\n")).toContain("links_user_read");
    expectNoLinksScan("unread count", await plansOf(() => countUnread(db, 1)));
  });
});
