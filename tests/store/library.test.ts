import { describe, expect, it } from "vitest";
import { freshDatabaseEach } from "../support/test-db.js";
import { saveLinks } from "../../src/store/links.js";
import { addLinkTags } from "../../src/store/tags.js";
import { addNote } from "../../src/store/notes.js";
import { setRead, unreadPage } from "../../src/store/reading.js";
import { searchLinks } from "../../src/store/search.js";
import { libraryFacets, libraryLink, libraryPage, type LibraryCursor, type LibraryFilter } from "../../src/store/library.js";
import { addLibraryNote, bulkChange } from "../../src/store/library-changes.js";

const HOUR = 3_600_000;
const all: LibraryFilter = { state: "all", tags: [] };

describe("the Mini App's library queries", () => {
  const db = freshDatabaseEach(1, 2);

  async function save(userId: number, url: string, savedAt: number, title: string | null = null) {
    return (await saveLinks(db(), userId, [{ url, urlKey: url, title, source: null }], savedAt))[0]!.link.id;
  }

  async function everyPage(userId: number, filter: LibraryFilter, limit: number): Promise<number[]> {
    const ids: number[] = [];
    let cursor: LibraryCursor | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await libraryPage(db(), userId, filter, cursor, limit);
      ids.push(...page.rows.map((row) => row.id));
      if (!page.next) return ids;
      cursor = page.next;
    }
    throw new Error("no end");
  }

  it("lists newest first, with site, tags and note counts, and pages on without duplicates or gaps", async () => {
    // Several links share a saved time (one message), so the cursor must tell them apart by id.
    const savedAt = (i: number) => Math.floor(i / 4) * HOUR;
    const ids: number[] = [];
    for (let i = 0; i < 23; i++) ids.push(await save(1, `https://www.site${i % 3}.org/${i}`, savedAt(i), `Title ${i}`));
    await save(2, "https://site0.org/other", 100 * HOUR);
    await addLinkTags(db(), 1, [ids[22]!], ["rust"], 0);
    await addNote(db(), { userId: 1, linkId: ids[22]!, text: "n", source: { chatId: 1, messageId: 1 }, now: 0 });
    const expected = ids
      .map((id, i) => ({ id, at: savedAt(i) }))
      .sort((x, y) => y.at - x.at || y.id - x.id)
      .map((link) => link.id);
    for (const limit of [1, 4, 5, 100]) expect(await everyPage(1, all, limit)).toEqual(expected);
    const first = (await libraryPage(db(), 1, all, undefined, 1)).rows[0]!;
    expect(first).toMatchObject({ id: ids[22], site: "site1.org", tags: ["rust"], noteCount: 1, title: "Title 22", readAt: null });
  });

  it("filters by state, every tag, site and saved range, alone and together", async () => {
    const a = await save(1, "https://github.com/a", 1 * HOUR);
    const b = await save(1, "https://www.github.com/b", 2 * HOUR);
    const c = await save(1, "https://user@blog.example.org:8443/c", 3 * HOUR);
    const d = await save(1, "http://github.com/d", 4 * HOUR);
    const other = await save(2, "https://github.com/x", 5 * HOUR);
    await addLinkTags(db(), 1, [a, b, c], ["rust"], 0);
    await addLinkTags(db(), 1, [b, c], ["书"], 0);
    await addLinkTags(db(), 2, [other], ["rust"], 0);
    await setRead(db(), 1, b, true, 10 * HOUR);
    const ids = async (filter: Partial<LibraryFilter>) => (await libraryPage(db(), 1, { ...all, ...filter }, undefined, 50)).rows.map((row) => row.id);
    expect(await ids({})).toEqual([d, c, b, a]);
    expect(await ids({ state: "unread" })).toEqual([d, c, a]);
    expect(await ids({ state: "read" })).toEqual([b]);
    expect(await ids({ tags: ["rust"] })).toEqual([c, b, a]);
    expect(await ids({ tags: ["rust", "书"] })).toEqual([c, b]);
    expect(await ids({ tags: ["rust", "书"], state: "unread" })).toEqual([c]);
    expect(await ids({ tags: ["nothing"] })).toEqual([]);
    expect(await ids({ site: "github.com" })).toEqual([d, b, a]);
    expect(await ids({ site: "blog.example.org:8443" })).toEqual([c]);
    expect(await ids({ site: "github.com", saved: { start: 2 * HOUR, end: 4 * HOUR } })).toEqual([b]);
    expect(await ids({ site: "github.com", tags: ["rust"], state: "unread" })).toEqual([a]);
  });

  it("keeps each link's site from its URL whatever inserts it, and keeps a site an insert brings", async () => {
    await db()
      .insertInto("links")
      .values([
        { user_id: 1, url: "https://www.Example.org/raw", url_key: "k1", title: null, saved_at: 1, read_at: null, source: null, title_source: null },
        { user_id: 1, url: "https://copied.org/", url_key: "k2", title: null, saved_at: 2, read_at: null, source: null, title_source: null, site: "as-copied" },
      ] as never)
      .execute();
    const sites = async () => (await db().selectFrom("links").select(["url_key", "site"]).orderBy("url_key").execute()).map((row) => row.site);
    expect(await sites()).toEqual(["Example.org", "as-copied"]);
    await db().updateTable("links").set({ url: "http://www.zhihu.com/q/1" }).where("url_key", "=", "k2").execute();
    expect(await sites()).toEqual(["Example.org", "zhihu.com"]);
  });

  it("counts tags and sites per state, most used first, the user's own only", async () => {
    const a = await save(1, "https://github.com/a", 1);
    const b = await save(1, "https://www.github.com/b", 2);
    const c = await save(1, "https://zhihu.com/c", 3);
    await save(2, "https://other.org/x", 4);
    await addLinkTags(db(), 1, [a, b], ["rust"], 0);
    await addLinkTags(db(), 1, [c], ["书"], 0);
    await setRead(db(), 1, a, true, 5);
    expect(await libraryFacets(db(), 1, "all")).toEqual({
      tags: [
        { name: "rust", count: 2 },
        { name: "书", count: 1 },
      ],
      sites: [
        { site: "github.com", count: 2 },
        { site: "zhihu.com", count: 1 },
      ],
    });
    expect(await libraryFacets(db(), 1, "read")).toEqual({ tags: [{ name: "rust", count: 1 }], sites: [{ site: "github.com", count: 1 }] });
    expect((await libraryFacets(db(), 1, "unread")).tags).toEqual([
      { name: "rust", count: 1 },
      { name: "书", count: 1 },
    ]);
  });

  it("searches as /search does, Chinese included, narrowed by the other filters, with the matching note", async () => {
    const a = await save(1, "https://example.org/a", 1, "操作系统的进程调度");
    const b = await save(1, "https://example.org/b", 2, "Elixir processes");
    const c = await save(1, "https://example.org/c", 3, "Nothing here");
    await save(2, "https://example.org/x", 4, "另一个进程");
    await addNote(db(), { userId: 1, linkId: c, text: "讲进程的好文章", source: { chatId: 1, messageId: 2 }, now: 5 });
    await setRead(db(), 1, a, true, 6);
    const search = (filter: Partial<LibraryFilter>) => libraryPage(db(), 1, { ...all, ...filter }, undefined, 50);
    const ranked = (await searchLinks(db(), 1, "进程", 0, 50)).links.map((link) => link.id);
    const found = await search({ q: "进程" });
    expect(found.rows.map((row) => row.id)).toEqual(ranked);
    expect(new Set(ranked)).toEqual(new Set([a, c]));
    expect(found.rows.find((row) => row.id === c)?.snippetHtml).toContain("<b>进程</b>");
    expect((await search({ q: "进程", state: "unread" })).rows.map((row) => row.id)).toEqual([c]);
    expect((await search({ q: "process" })).rows.map((row) => row.id)).toEqual([b]);
    const paged = await libraryPage(db(), 1, { ...all, q: "进程" }, undefined, 1);
    expect(paged.next).toEqual({ offset: 1 });
    expect((await libraryPage(db(), 1, { ...all, q: "进程" }, paged.next!, 1)).rows.map((row) => row.id)).toEqual([ranked[1]]);
  });

  it("shows one link with its notes to its owner only", async () => {
    const a = await save(1, "https://example.org/a", 1, "A");
    await addLibraryNote(db(), 1, a, "first", 10);
    await addLibraryNote(db(), 1, a, "second", 20);
    const detail = await libraryLink(db(), 1, a);
    expect(detail).toMatchObject({ id: a, noteCount: 2, description: null });
    expect(detail?.notes.map((note) => [note.text, note.createdAt])).toEqual([
      ["first", 10],
      ["second", 20],
    ]);
    expect(await libraryLink(db(), 2, a)).toBeUndefined();
    expect(await addLibraryNote(db(), 2, a, "not mine", 30)).toBeUndefined();
    expect((await searchLinks(db(), 1, "second", 0, 5)).total).toBe(1);
  });

  it("marks many read and unread as the bot does, counting only what changed", async () => {
    const [a, b, c] = [await save(1, "https://e.org/a", 1), await save(1, "https://e.org/b", 2), await save(1, "https://e.org/c", 3)];
    const theirs = await save(2, "https://e.org/x", 4);
    await addLinkTags(db(), 1, [a, b], ["rust"], 0);
    await setRead(db(), 1, a, true, 5);
    expect(await bulkChange(db(), 1, [a, b, theirs], { kind: "read" }, 10)).toEqual({ changed: 1 });
    expect((await unreadPage(db(), 1, { tags: [], oldestFirst: false }, 0, 10)).links.map((link) => link.id)).toEqual([c]);
    expect((await unreadPage(db(), 1, { tags: ["rust"], oldestFirst: false }, 0, 10)).total).toBe(0);
    expect((await libraryLink(db(), 1, a))?.readAt).toBe(5);
    expect((await libraryLink(db(), 2, theirs))?.readAt).toBeNull();
    expect(await bulkChange(db(), 1, [a, c], { kind: "unread" }, 11)).toEqual({ changed: 1 });
    expect((await unreadPage(db(), 1, { tags: ["rust"], oldestFirst: false }, 0, 10)).links.map((link) => link.id)).toEqual([a]);
  });

  it("adds and removes tags on many, and search finds them by the new tags at once", async () => {
    const [a, b] = [await save(1, "https://e.org/a", 1), await save(1, "https://e.org/b", 2)];
    const theirs = await save(2, "https://e.org/x", 3);
    await addLinkTags(db(), 1, [a], ["rust"], 0);
    expect(await bulkChange(db(), 1, [a, b, theirs], { kind: "add-tags", tags: ["rust", "读书"] }, 5)).toEqual({ changed: 2 });
    expect(await bulkChange(db(), 1, [a, b], { kind: "add-tags", tags: ["rust"] }, 6)).toEqual({ changed: 0 });
    expect((await libraryLink(db(), 1, b))?.tags).toEqual(["rust", "读书"]);
    expect((await libraryLink(db(), 2, theirs))?.tags).toEqual([]);
    expect((await searchLinks(db(), 1, "读书", 0, 5)).total).toBe(2);
    expect(await bulkChange(db(), 1, [a, b, theirs], { kind: "remove-tags", tags: ["读书", "none"] }, 7)).toEqual({ changed: 2 });
    expect((await searchLinks(db(), 1, "读书", 0, 5)).total).toBe(0);
    expect((await libraryLink(db(), 1, a))?.tags).toEqual(["rust"]);
  });

  it("deletes many into the bot's trash and restores them with tags and notes", async () => {
    const [a, b] = [await save(1, "https://e.org/a", 1), await save(1, "https://e.org/b", 2)];
    const theirs = await save(2, "https://e.org/x", 3);
    await addLinkTags(db(), 1, [a], ["rust"], 0);
    await addLibraryNote(db(), 1, a, "keep me", 4);
    const before = await libraryLink(db(), 1, a);
    const deleted = await bulkChange(db(), 1, [a, b, theirs], { kind: "delete" }, 10);
    expect(deleted).toEqual({ changed: 2, undo: [a, b] });
    expect((await libraryPage(db(), 1, all, undefined, 10)).rows).toEqual([]);
    expect(await libraryLink(db(), 2, theirs)).toBeDefined();
    expect(await bulkChange(db(), 2, [a], { kind: "restore" }, 11)).toEqual({ changed: 0 });
    expect(await bulkChange(db(), 1, deleted.undo!, { kind: "restore" }, 11)).toEqual({ changed: 2 });
    expect(await libraryLink(db(), 1, a)).toEqual(before);
    expect((await searchLinks(db(), 1, "keep", 0, 5)).total).toBe(1);
  });
});
