import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/connection.js";
import { ownerPrefix } from "../../src/search/query.js";
import { ownedText, searchText } from "../../src/search/search-text.js";
import { foldWord, tokens } from "../../src/search/tokens.js";
import { toTsVector } from "../../src/search/tsquery.js";
import { saveLinks } from "../../src/store/links.js";
import { reindexLinks } from "../../src/store/search-index.js";
import { addUser, createTestDatabase } from "../support/test-db.js";
import { testsOnPostgres } from "../support/postgres.js";

// Characters where JavaScript's Unicode and unicode61's tables disagree, or where unicode61 has rules of its
// own: combining marks it keeps inside a token or splits on (Devanagari, Tai Lue), letters newer than its
// tables, code points no version names, digits of other scripts, joiners, and CJK beside Latin.
const tricky = [
  "\u0301",
  "\u0305",
  "\u0332",
  "\u0345",
  "\u0903",
  "\u093f",
  "\u0483",
  "\u19b0",
  "\u1abe",
  "\u0870",
  "\u0378",
  "\u{1e4d0}",
  "\u{10ffff}",
  "\ue000",
  "\u0663",
  "\u200d",
  "\u00ad",
  "\ufffd",
  "\ud800",
  "\0",
  "é",
  "e",
  "a",
  "Z",
  "7",
  "进",
  "程",
  "の",
  "한",
  "，",
  " ",
  "-",
  ".",
  "u",
  "1",
  "x",
  "u1x",
  "u2x",
];
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.array(fc.constantFrom(...tricky), { maxLength: 30 }).map((parts) => parts.join("")),
);

describe.skipIf(testsOnPostgres())("the application's tokens, in SQLite", () => {
  let db: DB;
  beforeAll(async () => {
    db = await createTestDatabase();
    // The index's own view of the tokens it stored: one row per token of each row.
    await sql`create virtual table temp.search_terms using fts5vocab(main, link_search, 'instance')`.execute(db);
  });
  afterAll(async () => db.destroy());

  /** The terms unicode61 (as link_search is configured) makes of this text. */
  async function indexTermsOf(text: string): Promise<string[]> {
    await sql`insert into link_search (rowid, title, url, tags, notes) values (1, ${text}, '', '', '')`.execute(db);
    const { rows } = await sql<{ term: string }>`select term from temp.search_terms order by "offset"`.execute(db);
    await sql`delete from link_search`.execute(db);
    return rows.map((row) => row.term);
  }

  it("are exactly the index's tokens, each carrying its owner's prefix, whatever the text", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (input) => {
        const text = searchText(input);
        const terms = await indexTermsOf(ownedText(ownerPrefix(1), text));
        expect(terms).toHaveLength(tokens(text).length);
        for (const term of terms) expect(term.startsWith("u1x")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe.runIf(testsOnPostgres())("the application's tokens, in PostgreSQL", () => {
  let db: DB;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => db.destroy());

  it("are the document's words, each carrying its owner's prefix, whatever the text", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (input) => {
        const owned = ownedText(ownerPrefix(1), searchText(input));
        const document = toTsVector([{ text: owned, weight: "A" }]);
        const { rows } = await sql<{ word: string }>`select lexeme as word from unnest(${document}::tsvector)`.execute(db);
        const words = new Set(tokens(searchText(input)).map((token) => foldWord(`u1x${token.text}`)));
        expect(new Set(rows.map((row) => row.word))).toEqual(words);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("text planted by one user", () => {
  let db: DB;
  beforeAll(async () => {
    db = await createTestDatabase();
    await addUser(db, 1);
    await addUser(db, 2);
  });
  afterAll(async () => db.destroy());

  it("is never read by another user's search, however it joins marks, digits and prefixes", async () => {
    const planted = tricky.flatMap((glue) => [`ab${glue}u1xrust`, `${glue}u1xrust`, `u1x${glue}rust`, `9${glue}U1XRust`]);
    const [outcome] = await saveLinks(db, 2, [{ url: "https://example.org/planted", urlKey: "planted", title: planted.join(" "), source: null }], 0);
    await db
      .insertInto("notes")
      .values({ user_id: 2, link_id: outcome!.link.id, text: planted.join("\n"), created_at: 0, updated_at: 0, chat_id: null, message_id: null })
      .execute();
    await reindexLinks(db, [outcome!.link.id]);
    // The victim's searches for "rust", as prefix and as whole word, over the whole index.
    const postgres = testsOnPostgres();
    const matching = (expression: string) =>
      postgres
        ? sql`select rowid from link_search where document @@ ${expression}::tsquery`.execute(db)
        : sql`select rowid from link_search where link_search match ${expression}`.execute(db);
    for (const match of postgres ? ["'u1xrust':*", "'u1xrust'", "'u1x':*"] : ['"u1xrust"*', '"u1xrust"', '"u1x"*']) {
      const { rows } = await matching(match);
      expect(rows, match).toEqual([]);
    }
    // The planter still finds their own text.
    const own = await matching(postgres ? "'u2xab':*" : '"u2xab"*');
    expect(own.rows).toHaveLength(1);
  });
});
