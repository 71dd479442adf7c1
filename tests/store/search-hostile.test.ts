import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/connection.js";
import { searchLinks } from "../../src/store/search.js";
import { ensureSearchIndex } from "../../src/store/search-index.js";
import { addUser, createTestDatabase } from "../support/test-db.js";

const LINKS = 100_000;
// Short, common words: each letter is a tag on every link and the start of many title words.
const TAGS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
const TAGGED_EVERY = 1000;

/** 100,000 links of one user, every one tagged with every tag, written by SQL and indexed by the product's rebuild. */
async function heavyDatabase(): Promise<DB> {
  const db = await createTestDatabase();
  await addUser(db, 1);
  await addUser(db, 2);
  await sql`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${LINKS})
    insert into links (id, user_id, url, url_key, title, saved_at)
    select i, 1, 'https://example.org/' || i, 'k' || i,
      'a b c d e f g h i j alpha' || (i % 97) || ' beta' || (i % 89) || ' common words for ' || i, i from n`.execute(db);
  await db
    .insertInto("tags")
    .values(TAGS.map((name, i) => ({ id: i + 1, user_id: 1, name })))
    .execute();
  await sql`insert into link_tags (link_id, tag_id, tagged_at) select links.id, tags.id, 0 from links, tags where links.id % ${TAGGED_EVERY} = 0`.execute(db);
  await ensureSearchIndex(db);
  return db;
}

const timed = async <T>(action: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await action();
  return [result, performance.now() - start];
};

describe("hostile searches on 100,000 links", () => {
  let db: DB;
  beforeAll(async () => {
    const [built, ms] = await timed(heavyDatabase);
    db = built;
    console.log(`built ${LINKS} links in ${ms.toFixed(0)} ms`);
    // PostgreSQL writes 100,000 tsvectors in a few times SQLite's time, more on a busy machine.
  }, 180_000);
  afterAll(async () => db.destroy());

  it("answers a 1,000-term #tag search within 1 s", async () => {
    const [found, ms] = await timed(() => searchLinks(db, 1, Array(1000).fill("#a").join(" "), 0, 8));
    console.log(`1,000 × #a: ${ms.toFixed(0)} ms`);
    expect(found.total).toBe(100);
    expect(ms).toBeLessThan(1000);
  }, 200_000);

  it("answers within 1 s however many distinct words and tags are typed, saying that some were left out", async () => {
    const inputs = {
      "every tag": TAGS.map((tag) => `#${tag}`).join(" "),
      "1,000 distinct words": Array.from({ length: 1000 }, (_, i) => `w${i}`).join(" "),
      "the commonest prefixes": "a b c d e f g h i j alpha beta common words for",
      "a 4,096-character word": "a".repeat(4096),
    };
    for (const [name, input] of Object.entries(inputs)) {
      const [found, ms] = await timed(() => searchLinks(db, 1, input, 0, 8));
      console.log(`${name}: ${ms.toFixed(0)} ms, ${found.total}${found.more ? "+" : ""} found`);
      expect(found.shortened).toBe(true);
      expect(ms).toBeLessThan(1000);
    }
  }, 200_000);
});
