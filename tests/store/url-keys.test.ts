import { describe, expect, it } from "vitest";
import { captureLinks } from "../../src/capture/capture-links.js";
import { URL_KEY_VERSION } from "../../src/links/normalize.js";
import { ensureUrlKeys } from "../../src/store/url-keys.js";
import { databaseForEachTest } from "../support/database-fixture.js";

const fixture = databaseForEachTest(1, 2);

/** Links as older code stored them: its key was the URL minus scheme quirks, tracking left in. */
async function storeWithOldKeys(rows: [userId: number, url: string][]): Promise<number[]> {
  const inserted = await fixture.db
    .insertInto("links")
    .values(
      rows.map(([user_id, url], i) => ({ user_id, url, url_key: url.replace(/^https?:\/\/(www\.)?/, "https://"), title: null, source: null, saved_at: i })),
    )
    .returning("id")
    .execute();
  return inserted.map((row) => row.id);
}

const keysById = async () =>
  new Map((await fixture.db.selectFrom("links").select(["id", "url", "url_key"]).orderBy("id").execute()).map((row) => [row.id, row]));
const version = () => fixture.db.selectFrom("meta").select("value").where("key", "=", "url_key_version").executeTakeFirst();

describe("re-keying stored links when the key rules change", () => {
  it("gives old links the new key, so a fresh share of the same page is recognised", async () => {
    const [short] = await storeWithOldKeys([[1, "https://www.youtube.com/shorts/abc123"]]);
    expect(await ensureUrlKeys(fixture.db)).toBe(true);
    expect((await keysById()).get(short!)?.url_key).toBe("https://youtube.com/watch?v=abc123");

    const again = await captureLinks(fixture.db, 1, { links: [{ url: "https://youtu.be/abc123?si=zz", title: null }], source: null }, 10);
    expect(again.saved).toEqual([]);
    expect(again.known.map((link) => link.id)).toEqual([short]);
  });

  it("keeps the old key of a link whose new key another link of the same user holds, and never drops a link", async () => {
    const [tweet, sameTweet, tracked, plain, otherUser] = await storeWithOldKeys([
      [1, "https://twitter.com/a/status/1?s=20"],
      [1, "https://x.com/a/status/1?t=xyz"],
      [1, "https://example.org/p?spm=1"],
      [1, "https://example.org/p"],
      [2, "https://twitter.com/a/status/1?s=46"],
    ]);
    const before = await keysById();
    await ensureUrlKeys(fixture.db);
    const after = await keysById();

    expect(after.size).toBe(5);
    expect(after.get(tweet!)?.url_key).toBe("https://twitter.com/a/status/1");
    expect(after.get(sameTweet!)?.url_key).toBe(before.get(sameTweet!)?.url_key);
    // The clash is with a link that keeps its key, whatever the order of ids.
    expect(after.get(tracked!)?.url_key).toBe(before.get(tracked!)?.url_key);
    expect(after.get(plain!)?.url_key).toBe("https://example.org/p");
    expect(after.get(otherUser!)?.url_key).toBe("https://twitter.com/a/status/1");
    // Stored URLs are left as they are.
    expect([...after.values()].map((row) => row.url)).toEqual([...before.values()].map((row) => row.url));
  });

  it("records the version and does nothing on the next start", async () => {
    const [link] = await storeWithOldKeys([[1, "https://example.org/a?fbclid=1"]]);
    expect(await ensureUrlKeys(fixture.db)).toBe(true);
    expect(await version()).toEqual({ value: String(URL_KEY_VERSION) });

    await fixture.db.updateTable("links").set({ url_key: "left alone" }).where("id", "=", link!).execute();
    expect(await ensureUrlKeys(fixture.db)).toBe(false);
    expect((await keysById()).get(link!)?.url_key).toBe("left alone");
  });

  it("runs again when the stored version is another one", async () => {
    const [link] = await storeWithOldKeys([[1, "https://example.org/a?fbclid=1"]]);
    await ensureUrlKeys(fixture.db);
    await fixture.db.updateTable("links").set({ url_key: "stale" }).where("id", "=", link!).execute();
    await fixture.db.updateTable("meta").set({ value: "1" }).where("key", "=", "url_key_version").execute();
    expect(await ensureUrlKeys(fixture.db)).toBe(true);
    expect((await keysById()).get(link!)?.url_key).toBe("https://example.org/a");
  });
});
