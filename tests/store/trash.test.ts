import { describe, expect, it } from "vitest";
import { freshDatabaseEach } from "../support/test-db.js";
import { planRecordingDatabase } from "../support/query-plans.js";
import { saveLinks, lastTouchedLink, recentLinks, touchLink } from "../../src/store/links.js";
import { addLinkTags } from "../../src/store/tags.js";
import { addNote } from "../../src/store/notes.js";
import { purgeDeletedLinks, restoreLink, softDeleteLink } from "../../src/store/trash.js";
import { searchLinks } from "../../src/store/search.js";

const candidate = (url: string) => ({ url, urlKey: url, title: `Title of ${url}`, source: null });

describe("deleting a link with an undo", () => {
  const db = freshDatabaseEach(1, 2);

  async function savedWithTagsAndNote() {
    const link = (await saveLinks(db(), 1, [candidate("https://example.org/a")], 1000))[0]!.link;
    await addLinkTags(db(), 1, [link.id], ["rust", "书"], 1100);
    await addNote(db(), { userId: 1, linkId: link.id, text: "所有权", source: { chatId: 1, messageId: 7 }, now: 1200 });
    return link.id;
  }
  const snapshot = async (id: number) => ({
    link: await db().selectFrom("links").selectAll().where("id", "=", id).execute(),
    tags: await db().selectFrom("link_tags").selectAll().where("link_id", "=", id).orderBy("tag_id").execute(),
    notes: await db().selectFrom("notes").selectAll().where("link_id", "=", id).execute(),
    messages: await db().selectFrom("link_messages").select(["chat_id", "message_id", "link_id"]).where("link_id", "=", id).execute(),
  });

  it("takes the link out of every table at once, and Undo puts back exactly what was there", async () => {
    const id = await savedWithTagsAndNote();
    const before = await snapshot(id);
    expect((await softDeleteLink(db(), 1, id, 5000))?.id).toBe(id);
    expect(await snapshot(id)).toEqual({ link: [], tags: [], notes: [], messages: [] });
    expect((await searchLinks(db(), 1, "所有权", 0, 10)).total).toBe(0);
    expect(await restoreLink(db(), 1, id)).toMatchObject({ restored: { id } });
    expect(await snapshot(id)).toEqual(before);
    expect((await searchLinks(db(), 1, "所有权", 0, 10)).total).toBe(1);
  });

  it("refuses another user's link, and an undo after the purge or after the address was saved again", async () => {
    const id = await savedWithTagsAndNote();
    expect(await softDeleteLink(db(), 2, id, 5000)).toBeUndefined();
    await softDeleteLink(db(), 1, id, 5000);
    expect(await restoreLink(db(), 2, id)).toEqual({ problem: "gone" });
    await saveLinks(db(), 1, [candidate("https://example.org/a")], 6000);
    expect(await restoreLink(db(), 1, id)).toEqual({ problem: "saved-again" });

    const other = (await saveLinks(db(), 1, [candidate("https://example.org/b")], 7000))[0]!.link.id;
    await softDeleteLink(db(), 1, other, 8000);
    expect(await purgeDeletedLinks(db(), 8000, 10)).toBe(0);
    expect(await purgeDeletedLinks(db(), 8001, 10)).toBe(1);
    expect(await restoreLink(db(), 1, other)).toEqual({ problem: "gone" });
  });

  it("remembers the link touched last, falling back to the one saved last when it is deleted", async () => {
    const saved = await saveLinks(db(), 1, [candidate("https://example.org/1"), candidate("https://example.org/2")], 1000);
    const [first, second] = saved.map((s) => s.link.id) as [number, number];
    expect((await lastTouchedLink(db(), 1))?.id).toBe(second);
    await touchLink(db(), first);
    expect((await lastTouchedLink(db(), 1))?.id).toBe(first);
    expect((await lastTouchedLink(db(), 2))?.id).toBeUndefined();
    await softDeleteLink(db(), 1, first, 2000);
    expect((await lastTouchedLink(db(), 1))?.id).toBe(second);
  });
});

describe("query plans of the new link queries", () => {
  it("use the primary keys and the indexes, never a scan of links or the trash", async () => {
    const { db, sqlite, plansOf } = await planRecordingDatabase();
    sqlite.exec("insert into users (id, time_zone, created_at) values (1, 'UTC', 0)");
    const insert = sqlite.prepare("insert into links (user_id, url, url_key, saved_at) values (1, ?, ?, ?)");
    sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`u${i}`, `u${i}`, i);
    })();
    sqlite.exec("analyze");
    const plans = [
      ...(await plansOf(() => touchLink(db, 5))),
      ...(await plansOf(() => lastTouchedLink(db, 1))),
      ...(await plansOf(() => recentLinks(db, 1, 8, 3))),
      ...(await plansOf(() => purgeDeletedLinks(db, 1000, 500))),
    ];
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (links|deleted_links)\b(?! USING)/);
    expect(plans.join("\n")).toMatch(/links_user_saved/);
    expect(plans.join("\n")).toMatch(/deleted_links_deleted_at/);
    await db.destroy();
  });
});
