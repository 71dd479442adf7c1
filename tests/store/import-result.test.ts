import { testsOnPostgres } from "../support/postgres.js";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { generateLog } from "../../bench/import-speed.js";
import type { DB } from "../../src/db/connection.js";
import { parseMarkdownLog } from "../../src/portable/markdown-log.js";
import { mergeDuplicates, type KeyedLink } from "../../src/portable/merge.js";
import { importLinks } from "../../src/store/import.js";
import { reindexLinks } from "../../src/store/search-index.js";
import { databaseForEachTest } from "../support/database-fixture.js";

// Pins every row an import writes, so a faster importer is proven to store exactly the same thing.

const context = { timeZone: "UTC", now: Date.UTC(2026, 10, 25) };
const keyed = (text: string) => mergeDuplicates(parseMarkdownLog(text, context).links).links;

const LOG = `# Rust

- 2024-03-01

✅ https://www.example.org/a?utm_source=x&b=2 The A page
  first note line
  second line

进程调度 on its own line
https://example.org/untitled

- 2024-03-02

https://example.org/c 中文标题 Rust进程
plain note under c

# Elixir

- 2024-02-01

https://example.org/a?b=2
an elixir note on a

✅ https://example.org/d

https://example.org/e Title of e
`;

/** What the user had before the file: d saved later, untitled, unread, with a note; e already complete. */
const BEFORE = `# Elixir

- 2024-05-05

https://example.org/d
an old note on d

✅ https://example.org/e Title of e
`;

async function dump(db: DB) {
  return {
    links: await db
      .selectFrom("links")
      .select(["id", "user_id", "url", "url_key", "title", "title_source", "source", "saved_at", "read_at", "fetch_status", "fetch_next_at", "fetch_priority"])
      .orderBy("id")
      .execute(),
    tags: await db.selectFrom("tags").select(["id", "user_id", "name"]).orderBy("id").execute(),
    linkTags: await db.selectFrom("link_tags").select(["link_id", "tag_id", "tagged_at"]).orderBy("link_id").orderBy("tag_id").execute(),
    notes: await db
      .selectFrom("notes")
      .select(["id", "user_id", "link_id", "text", "created_at", "updated_at", "chat_id", "message_id"])
      .orderBy("id")
      .execute(),
    search: (await sql<Record<string, unknown>>`select rowid, * from link_search order by rowid`.execute(db)).rows,
  };
}

/** The search rows the import left must be the ones a rebuild from the stored links, tags and notes writes. */
async function expectSearchRowsRebuildable(db: DB, stored: Awaited<ReturnType<typeof dump>>) {
  await db.transaction().execute((trx) =>
    reindexLinks(
      trx,
      stored.links.map((link) => link.id),
    ),
  );
  expect((await dump(db)).search).toEqual(stored.search);
  expect(stored.search.map((row) => row.rowid)).toEqual(stored.links.map((link) => link.id));
}

describe("the rows an import writes", () => {
  const fixture = databaseForEachTest(1);

  it("stores a small log exactly so, and a second import changes nothing", async () => {
    const { db } = fixture;
    expect(await importLinks(db, 1, keyed(BEFORE), context.now - 1000)).toEqual({ added: 2, updated: 0, notesAdded: 1, titlesQueued: 1 });
    expect(await importLinks(db, 1, keyed(LOG), context.now)).toEqual({ added: 3, updated: 2, notesAdded: 3, titlesQueued: 0 });
    const stored = await dump(db);
    expect({ ...stored, search: undefined }).toMatchInlineSnapshot(`
      {
        "linkTags": [
          {
            "link_id": 1,
            "tag_id": 1,
            "tagged_at": 1795564799000,
          },
          {
            "link_id": 2,
            "tag_id": 1,
            "tagged_at": 1795564799000,
          },
          {
            "link_id": 3,
            "tag_id": 1,
            "tagged_at": 1795564800000,
          },
          {
            "link_id": 3,
            "tag_id": 2,
            "tagged_at": 1795564800000,
          },
          {
            "link_id": 4,
            "tag_id": 2,
            "tagged_at": 1795564800000,
          },
          {
            "link_id": 5,
            "tag_id": 2,
            "tagged_at": 1795564800000,
          },
        ],
        "links": [
          {
            "fetch_next_at": 1795564799000,
            "fetch_priority": 1,
            "fetch_status": "pending",
            "id": 1,
            "read_at": 1706745600000,
            "saved_at": 1706745600000,
            "source": null,
            "title": null,
            "title_source": null,
            "url": "https://example.org/d",
            "url_key": "https://example.org/d",
            "user_id": 1,
          },
          {
            "fetch_next_at": null,
            "fetch_priority": 1,
            "fetch_status": "done",
            "id": 2,
            "read_at": 1714867200000,
            "saved_at": 1706745600000,
            "source": null,
            "title": "Title of e",
            "title_source": "user",
            "url": "https://example.org/e",
            "url_key": "https://example.org/e",
            "user_id": 1,
          },
          {
            "fetch_next_at": null,
            "fetch_priority": 1,
            "fetch_status": "done",
            "id": 3,
            "read_at": 1706745600000,
            "saved_at": 1706745600000,
            "source": null,
            "title": "The A page",
            "title_source": "user",
            "url": "https://www.example.org/a?b=2",
            "url_key": "https://example.org/a?b=2",
            "user_id": 1,
          },
          {
            "fetch_next_at": null,
            "fetch_priority": 1,
            "fetch_status": "done",
            "id": 4,
            "read_at": null,
            "saved_at": 1709251200000,
            "source": null,
            "title": "进程调度 on its own line",
            "title_source": "user",
            "url": "https://example.org/untitled",
            "url_key": "https://example.org/untitled",
            "user_id": 1,
          },
          {
            "fetch_next_at": null,
            "fetch_priority": 1,
            "fetch_status": "done",
            "id": 5,
            "read_at": null,
            "saved_at": 1709337600000,
            "source": null,
            "title": "中文标题 Rust进程",
            "title_source": "user",
            "url": "https://example.org/c",
            "url_key": "https://example.org/c",
            "user_id": 1,
          },
        ],
        "notes": [
          {
            "chat_id": null,
            "created_at": 1714867200000,
            "id": 1,
            "link_id": 1,
            "message_id": null,
            "text": "an old note on d",
            "updated_at": 1714867200000,
            "user_id": 1,
          },
          {
            "chat_id": null,
            "created_at": 1706745600000,
            "id": 2,
            "link_id": 3,
            "message_id": null,
            "text": "  first note line
        second line",
            "updated_at": 1706745600000,
            "user_id": 1,
          },
          {
            "chat_id": null,
            "created_at": 1706745600000,
            "id": 3,
            "link_id": 3,
            "message_id": null,
            "text": "an elixir note on a",
            "updated_at": 1706745600000,
            "user_id": 1,
          },
          {
            "chat_id": null,
            "created_at": 1709337600000,
            "id": 4,
            "link_id": 5,
            "message_id": null,
            "text": "plain note under c",
            "updated_at": 1709337600000,
            "user_id": 1,
          },
        ],
        "search": undefined,
        "tags": [
          {
            "id": 1,
            "name": "elixir",
            "user_id": 1,
          },
          {
            "id": 2,
            "name": "rust",
            "user_id": 1,
          },
        ],
      }
    `);
    await expectSearchRowsRebuildable(db, stored);

    expect(await importLinks(db, 1, keyed(LOG), context.now + 1000)).toEqual({ added: 0, updated: 0, notesAdded: 0, titlesQueued: 0 });
    expect(await dump(db)).toEqual(stored);
  });

  it("writes search rows a rebuild agrees with when the file's notes are out of order and its tags unsorted", async () => {
    const { db } = fixture;
    const link = (url: string, notes: [string, number | null][], tags: string[]): KeyedLink => ({
      url,
      urlKey: url,
      title: `Title ${url}`,
      tags,
      notes: notes.map(([text, createdAt]) => ({ text, createdAt })),
      savedAt: 5_000,
      read: false,
      readAt: null,
    });
    await importLinks(
      db,
      1,
      [
        link(
          "https://example.org/1",
          [
            ["later note", 300],
            ["earlier note", 100],
            ["undated note", null],
          ],
          ["rust", "elixir", "进程"],
        ),
      ],
      context.now,
    );
    const stored = await dump(db);
    // Tags by name, notes oldest first: in FTS5's columns, or as the order of their words' positions in PostgreSQL's document.
    expect(stored.search[0]).toMatchObject(
      testsOnPostgres()
        ? {
            document:
              "'u1x1':5A,10C 'u1xearlier':17 'u1xelixir':12B 'u1xexample':3A,8C 'u1xhttps':2A,7C 'u1xlater':19 'u1xnote':18,20,22 'u1xorg':4A,9C 'u1xrust':13B 'u1xtitle':1A 'u1xundated':21 'u1x程':15B 'u1x进程':14B",
          }
        : { tags: "u1xelixir u1xrust u1x进程 u1x程", notes: "u1xearlier u1xnote\nu1xlater u1xnote\nu1xundated u1xnote" },
    );
    await expectSearchRowsRebuildable(db, stored);
  });

  it("stores a generated log across several batches as the file says, and a second import adds nothing", async () => {
    const { db } = fixture;
    const links = keyed(generateLog(1_234, 3));
    // Every seventh link the user had already, untitled, unread and dated today, to be filled in from the file.
    const had = links.filter((_, i) => i % 7 === 0).map((link): KeyedLink => ({ ...link, title: null, tags: [], notes: [], savedAt: null, read: false }));
    await importLinks(db, 1, had, context.now);
    const result = await importLinks(db, 1, links, context.now);
    expect(result).toEqual({
      added: links.length - had.length,
      updated: had.length,
      notesAdded: links.filter((link) => link.notes.length > 0).length,
      titlesQueued: 0,
    });

    const stored = await dump(db);
    const byKey = new Map(stored.links.map((link) => [link.url_key, link]));
    const tagName = new Map(stored.tags.map((tag) => [tag.id, tag.name]));
    for (const link of links) {
      const row = byKey.get(link.urlKey)!;
      // A title the file fills in is the user's: no fetched page replaces it.
      expect(row).toMatchObject({
        url: link.url,
        title: link.title,
        title_source: link.title === null ? null : "user",
        saved_at: link.savedAt,
        read_at: link.read ? link.savedAt : null,
      });
      expect(stored.linkTags.filter((pair) => pair.link_id === row.id).map((pair) => tagName.get(pair.tag_id))).toEqual(link.tags);
      expect(stored.notes.filter((note) => note.link_id === row.id).map((note) => [note.text, note.created_at])).toEqual(
        link.notes.map((note) => [note.text, link.savedAt]),
      );
    }
    expect(stored.links).toHaveLength(links.length);
    await expectSearchRowsRebuildable(db, stored);

    expect(await importLinks(db, 1, links, context.now + 1000)).toEqual({ added: 0, updated: 0, notesAdded: 0, titlesQueued: 0 });
    expect(await dump(db)).toEqual(stored);
  });
});
