import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMarkdownLog } from "../../src/portable/markdown-log.js";
import { mergeDuplicates, type KeyedLink } from "../../src/portable/merge.js";
import { importLinks, savedKeys } from "../../src/store/import.js";
import { localDate } from "../../src/time/local-date.js";
import { databaseForEachTest } from "../support/database-fixture.js";

const context = { timeZone: "UTC", now: Date.UTC(2026, 10, 25) };
const fixture = readFileSync(new URL("../fixtures/study-log.md", import.meta.url), "utf8");

describe("importing links", () => {
  const fixtureDb = databaseForEachTest(1, 2);
  const merged = () => mergeDuplicates(parseMarkdownLog(fixture, context).links);

  it("merges the same address found twice: earliest day, both sections' tags", () => {
    const { links, invalid } = merged();
    expect(invalid).toEqual([]);
    expect(links).toHaveLength(12);
    const ejpcmac = links.filter((link) => link.url.includes("ejpcmac.net"));
    expect(ejpcmac.map((link) => [link.tags, localDate(link.savedAt!, "UTC"), link.title])).toEqual([
      [["play", "posts"], "2020-08-30", "ejpcmac.net/blog - Typed Elixir structs without boilerplate"],
    ]);
  });

  it("stores every link once, and importing the same links again adds nothing", async () => {
    const { db } = fixtureDb;
    const { links } = merged();
    expect(await importLinks(db, 1, links, context.now)).toEqual({ added: 12, updated: 0, notesAdded: 1, titlesQueued: 9 });
    expect(await importLinks(db, 1, links, context.now)).toEqual({ added: 0, updated: 0, notesAdded: 0, titlesQueued: 0 });
    const counts = await db
      .selectFrom("links")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", 1)
      .executeTakeFirstOrThrow();
    expect(counts.n).toBe(12);
    expect(
      (
        await savedKeys(
          db,
          2,
          links.map((link) => link.urlKey),
        )
      ).size,
    ).toBe(0);
  });

  it("adds to a link the user had: its tags, new notes and the read mark", async () => {
    const { db } = fixtureDb;
    const [first] = merged().links as [KeyedLink];
    await importLinks(db, 1, [{ ...first, tags: [], notes: [] }], context.now);
    const result = await importLinks(db, 1, [{ ...first, read: true, notes: [{ text: "new note", createdAt: null }] }], context.now);
    expect(result).toEqual({ added: 0, updated: 1, notesAdded: 1, titlesQueued: 0 });
  });

  it("is all or nothing: a failure in a later batch leaves no link of the file behind", async () => {
    const { db } = fixtureDb;
    const many: KeyedLink[] = Array.from({ length: 700 }, (_, i) => ({
      url: `https://example.org/${i}`,
      urlKey: `https://example.org/${i}`,
      title: null,
      tags: ["bulk"],
      notes: [],
      savedAt: null,
      read: false,
      readAt: null,
    }));
    // A second copy of one key in the second batch breaks the unique index there.
    many.push({ ...many[650]! });
    await expect(importLinks(db, 1, many, context.now)).rejects.toThrow();
    const counts = await db
      .selectFrom("links")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(counts.n).toBe(0);
    expect(await db.selectFrom("tags").selectAll().execute()).toEqual([]);
  });
});
