import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/connection.js";
import { planRecordingDatabase } from "../support/query-plans.js";
import { countNotes, notesPage } from "../../src/store/notes.js";
import { countUnread, dayEntries, dayPage, listedLinks, readPage, unreadPage } from "../../src/store/reading.js";
import { suggestTags } from "../../src/store/tags.js";

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
    const note = sqlite.prepare("insert into notes (user_id, link_id, text, created_at, updated_at) values (1, ?, 'a note', ?, ?)");
    sqlite.exec("insert into tags (id, user_id, name) values (1, 1, 'elixir'), (2, 1, 'rust'), (3, 1, 'rare')");
    sqlite.transaction(() => {
      for (let i = 0; i < 110_000; i++) {
        const user = i < 100_000 ? 1 : 2;
        const url = `https://example.org/${i}`;
        const { lastInsertRowid } = link.run(user, url, url, `Title ${i}`, i * 60_000, i % 3 === 0 ? i * 60_000 + day : null);
        if (user === 1 && i % 10 === 0) tag.run(lastInsertRowid, i % 20 === 0 ? 1 : 2);
        if (user === 1 && i % 5_000 === 1) tag.run(lastInsertRowid, 3);
        if (user === 1 && i % 3 === 0) note.run(lastInsertRowid, i * 60_000, i * 60_000);
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

  it("/unread #tag counts the tag's unread links on one index and walks the unread links in saved order to the page", async () => {
    const plans = await plansOf(() => unreadPage(db, 1, { tags: ["elixir"], oldestFirst: false }, 0, 8));
    expectNoLinksScan("unread #tag", plans);
    const [count, page] = plans;
    expect(count).toContain("SEARCH tagged USING COVERING INDEX link_tags_tag_unread (tag_id=? AND link_unread=?)");
    // Not one lookup in links per tagged link.
    expect(count).not.toContain("links_user_unread_id (user_id=? AND id=?");
    expect(page).toMatch(/^SEARCH links USING INDEX links_user_unread \(user_id=\?\)/);
    expect(page).toContain("SEARCH link_tags USING COVERING INDEX sqlite_autoindex_link_tags_1 (link_id=? AND tag_id=?)");
    // The tag's ids are never gathered into a list first: the walk stops at the page.
    expect(page).not.toContain("LIST SUBQUERY");
  });

  it("/unread #tag of a rare tag reads the tagged links instead of walking every unread one", async () => {
    const plans = await plansOf(() => unreadPage(db, 1, { tags: ["rare"], oldestFirst: false }, 0, 8));
    expectNoLinksScan("unread #rare", plans);
    expect(plans[1]).toContain("SEARCH tagged USING COVERING INDEX link_tags_tag_unread (tag_id=? AND link_unread=?)");
    const found = await unreadPage(db, 1, { tags: ["rare"], oldestFirst: false }, 0, 8);
    // 20 links carry the tag, every third of them read.
    expect(found.total).toBe(13);
    expect(found.links.map((link) => link.tags)).toEqual(Array(8).fill(["rare"]));
    expect(found.links.map((link) => link.saved_at)).toEqual([...found.links.map((link) => link.saved_at)].sort((a, b) => b - a));
  });

  it("/notes week counts and orders on the notes index alone, reading only the page's notes", async () => {
    const scope = { tags: [], range: { start: 60_000 * 60_000, end: 70_000 * 60_000 } };
    const plans = await plansOf(async () => {
      await countNotes(db, 1, scope);
      return await notesPage(db, 1, scope, 0, 8);
    });
    expectNoLinksScan("notes week", plans);
    expect(plans[0]).toContain("SEARCH notes USING COVERING INDEX notes_user_created_link (user_id=? AND created_at>? AND created_at<?)");
    const page = plans[2]!;
    expect(page).toContain("SEARCH notes USING COVERING INDEX notes_user_created_link");
    expect(page).toContain("SEARCH notes USING INTEGER PRIMARY KEY (rowid=?)");
    expect(page).not.toMatch(/SCAN notes\b/);
  });

  it("the tag question ranks the user's tags on the tag-time index, reading no link_tags rows", async () => {
    const plans = await plansOf(() => suggestTags(db, 1, 0, 8));
    expect(plans).toHaveLength(1);
    expect(plans[0]).toContain("SEARCH link_tags USING COVERING INDEX link_tags_tag_time (tag_id=? AND tagged_at>?)");
    expect(plans[0]).not.toMatch(/SEARCH link_tags USING (INDEX|INTEGER PRIMARY KEY)/);
    expect(plans[0]).not.toMatch(/SCAN link_tags\b/);
    expect(await suggestTags(db, 1, 0, 8)).toEqual(["elixir", "rust", "rare"]);
  });

  it("/today uses the saved, read and notes time indexes, for its counts and for deep pages", async () => {
    const start = 50_000 * 60_000;
    // 1,440 links saved that day, 480 read, 480 notes: page 240 holds the last read links, page 241 the first notes.
    const plans = await plansOf(async () => {
      await dayPage(db, 1, start, start + 86_400_000, 239, 8);
      await dayPage(db, 1, start, start + 86_400_000, 240, 8);
    });
    expectNoLinksScan("today", plans);
    expect(plans.join("\n")).toContain("links_user_read");
    expect(plans.join("\n")).toContain("links_user_saved");
    expect(plans.join("\n")).toContain("notes_user_created_link");
    const page = await dayPage(db, 1, start, start + 86_400_000, 239, 8);
    expect([page.saved.length, page.read.length, page.notes.length]).toEqual([0, 8, 0]);
    const notes = await dayPage(db, 1, start, start + 86_400_000, 240, 8);
    expect([notes.saved.length, notes.read.length, notes.notes.length]).toEqual([0, 0, 8]);
    expect(notes.notes.map((note) => note.created_at)).toEqual([...notes.notes.map((note) => note.created_at)].sort((a, b) => b - a));
    expectNoLinksScan("unread count", await plansOf(() => countUnread(db, 1)));
  });

  it("a page drawn again after ✅ reads its rows by id", async () => {
    const plans = await plansOf(async () => {
      await listedLinks(db, 1, [99_999, 12, 500]);
      await dayEntries(db, 1, { saved: [12], read: [15], notes: [3] });
    });
    expectNoLinksScan("rows by id", plans);
    for (const plan of plans.filter((p) => p.includes("links"))) expect(plan).toMatch(/links USING INTEGER PRIMARY KEY|link_tags/);
    expect((await listedLinks(db, 1, [99_999, 12, 100_005, 500])).map((link) => link.id)).toEqual([99_999, 12, 500]);
  });

  it("/read walks the read-time index, or the tag's read links", async () => {
    const all = await plansOf(() => readPage(db, 1, { tags: [] }, 0, 8));
    expectNoLinksScan("read", all);
    expect(all.join("\n")).toContain("links_user_read");
    const week = await plansOf(() => readPage(db, 1, { tags: [], range: { start: 50_000 * 60_000, end: 60_000 * 60_000 } }, 0, 8));
    expectNoLinksScan("read week", week);
    expect(week[0]).toContain("links_user_read (user_id=? AND read_at>? AND read_at<?)");
    const tagged = await plansOf(() => readPage(db, 1, { tags: ["rare"] }, 0, 8));
    expectNoLinksScan("read #rare", tagged);
    expect(tagged.join("\n")).toContain("link_tags_tag_unread (tag_id=? AND link_unread=?)");
    const rare = await readPage(db, 1, { tags: ["rare"] }, 0, 8);
    // 20 links carry the tag, every third of them read.
    expect(rare.total).toBe(7);
    expect(rare.links.map((link) => link.read_at)).toEqual([...rare.links.map((link) => link.read_at)].sort((a, b) => b! - a!));
  });
});
