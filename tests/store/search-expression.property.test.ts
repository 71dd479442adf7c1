import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/connection.js";
import { parseQuery, type SearchQuery } from "../../src/search/query.js";
import { searchTableOf } from "../../src/store/search-table.js";
import { saveLinks } from "../../src/store/links.js";
import { addUser, createTestDatabase } from "../support/test-db.js";

// What a hostile or careless query is made of: FTS5 syntax, plus text that tokenizes in unusual ways
// (a NUL ends a C string, a lone mark or surrogate is no token, CJK and accents take other paths).
const pieces = [
  "AND",
  "OR",
  "NOT",
  "NEAR",
  "NEAR(",
  "*",
  "-",
  "+",
  "^",
  ":",
  "(",
  ")",
  '"',
  '""',
  "{",
  "}",
  "#",
  " ",
  "\n",
  "\0",
  "title",
  "owner",
  "u1",
  "进程",
  "天気",
  "é",
  "e\u0301",
  "\u0301",
  "😀",
  "\uD800",
  "，",
  "_",
  "a",
  "x1",
];
const hostile = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(""));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 60 }), hostile);

/** The rows the query matches in the whole index, before any filter by user: FTS5's MATCH or PostgreSQL's tsquery. */
const matching = (db: DB, query: SearchQuery, userId: number) =>
  db
    .selectFrom("link_search")
    .select("rowid")
    .where(searchTableOf(db).matches(query, userId, "prefix"))
    .execute();

describe("search expressions built from any input", () => {
  let db: DB;
  beforeAll(async () => {
    db = await createTestDatabase();
    await addUser(db, 1);
    await addUser(db, 2);
    // A row to match against, so that every expression is evaluated and not only parsed.
    await saveLinks(db, 1, [{ url: "https://example.org/a", urlKey: "a", title: "NEAR AND title u1 进程调度 天気 é x1", source: null }], 0);
  });
  afterAll(async () => db.destroy());

  it("are valid FTS5 (or tsquery): building and running them never throws", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (input) => {
        const query = parseQuery(input);
        if (query) await matching(db, query, 1);
      }),
      { numRuns: 2000 },
    );
  });

  it("never reach another user's links, whatever the input holds", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (input) => {
        // "near" is in user 1's title: were the owner filter escaped, the row would be found.
        const found = await matching(db, parseQuery(`${input} near`)!, 2);
        expect(found).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
