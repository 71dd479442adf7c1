import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { captureLinks } from "../../src/capture/capture-links.js";
import type { DB } from "../../src/db/connection.js";
import { findUserLinks } from "../../src/store/links.js";
import { replaceLinkTags, suggestTags, tagIdsCreatingMissing, tagsOfLinks } from "../../src/store/tags.js";
import { addUser, createTestDatabase } from "../support/test-db.js";

const DAY = 86_400_000;
let db: DB;

beforeEach(async () => {
  db = await createTestDatabase();
  await addUser(db, 1);
  await addUser(db, 2);
});
afterEach(async () => db.destroy());

const links = (...urls: string[]) => ({ links: urls.map((url) => ({ url, title: null })), source: null });

describe("capturing links", () => {
  it("saves new links once per user and reports known ones with their tags", async () => {
    const first = await captureLinks(db, 1, links("https://example.org/a?utm_source=tg", "https://example.org/b"), 1000);
    expect(first.saved.map((l) => l.url)).toEqual(["https://example.org/a", "https://example.org/b"]);
    await replaceLinkTags(db, 1, [first.saved[0]!.id], ["elixir"], 2000);

    const again = await captureLinks(db, 1, links("http://EXAMPLE.org/a#top", "https://example.org/c"), 3000);
    expect(again.saved.map((l) => l.url)).toEqual(["https://example.org/c"]);
    expect(again.known).toMatchObject([{ id: first.saved[0]!.id, saved_at: 1000, tags: ["elixir"] }]);
    const count = await db
      .selectFrom("links")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(3);
  });

  it("keeps each user's links apart", async () => {
    const mine = await captureLinks(db, 1, links("https://example.org/a"), 1000);
    const theirs = await captureLinks(db, 2, links("https://example.org/a"), 2000);
    expect(theirs.saved).toHaveLength(1);
    expect(await findUserLinks(db, 2, [mine.saved[0]!.id])).toEqual([]);
  });

  it("stores one row for the same URL twice in one message", async () => {
    const result = await captureLinks(db, 1, links("https://youtu.be/abc", "https://www.youtube.com/watch?v=abc"), 1000);
    expect(result.saved).toHaveLength(1);
  });
});

describe("tags", () => {
  it("replaces a link's tags with exactly the chosen set", async () => {
    const { saved } = await captureLinks(db, 1, links("https://example.org/a"), 0);
    const id = saved[0]!.id;
    await replaceLinkTags(db, 1, [id], ["a", "b"], 0);
    await replaceLinkTags(db, 1, [id], ["b", "c"], 0);
    expect((await tagsOfLinks(db, [id])).get(id)).toEqual(["b", "c"]);
    await replaceLinkTags(db, 1, [id], [], 0);
    expect((await tagsOfLinks(db, [id])).get(id)).toEqual([]);
  });

  it("suggests the most used recent tags first, only the user's own and only tags in use", async () => {
    const now = 200 * DAY;
    const { saved } = await captureLinks(db, 1, links("https://e.org/1", "https://e.org/2", "https://e.org/3"), 0);
    const [a, b, c] = saved.map((l) => l.id) as [number, number, number];
    await replaceLinkTags(db, 1, [a, b, c], ["old"], now - 150 * DAY);
    await replaceLinkTags(db, 1, [a, b], ["old", "recent"], now - DAY);
    await replaceLinkTags(db, 1, [c], ["old", "fresh"], now);
    const other = await captureLinks(db, 2, links("https://e.org/x"), 0);
    await replaceLinkTags(db, 2, [other.saved[0]!.id], ["secret"], now);
    // A tag no link carries any more is not offered.
    await tagIdsCreatingMissing(db, 1, ["unused"]);

    expect(await suggestTags(db, 1, now, 8)).toEqual(["recent", "fresh", "old"]);
    expect(await suggestTags(db, 1, now, 1)).toEqual(["recent"]);
  });
});
