import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import type { ListedLink } from "../recall/listed-link.js";
import { pageOf, type Page } from "../recall/pagination.js";
import { hasEveryTag, tagIdOf, tagsOfLinks } from "./tags.js";

export const linkColumns = ["links.id", "links.url", "links.title", "links.saved_at", "links.read_at"] as const;

export interface UnreadFilter {
  /** Links must carry every one of these tags. */
  tags: string[];
  oldestFirst: boolean;
}

export interface LinkPage {
  total: number;
  page: Page;
  links: ListedLink[];
}

/** Adds each link's tags with one query for the whole page. */
export async function withTags(db: DB, links: readonly Omit<ListedLink, "tags">[]): Promise<ListedLink[]> {
  const tags = await tagsOfLinks(
    db,
    links.map((link) => link.id),
  );
  return links.map((link) => ({ ...link, tags: tags.get(link.id) ?? [] }));
}

function unreadQuery(db: DB, userId: number) {
  return db.selectFrom("links").where("links.user_id", "=", userId).where("links.read_at", "is", null);
}

/**
 * The unread links carrying every tag, as link_tags rows `tagged`: the first tag's unread links come from one
 * index range (link_tags.link_unread is kept by triggers), with no lookup in the links table.
 * A user's tags are only ever put on that user's links.
 */
function taggedUnread(userId: number, tags: readonly string[]) {
  const [first, ...others] = tags as [string, ...string[]];
  return sql`
    from link_tags as tagged
    where tagged.tag_id = ${tagIdOf(userId, first)} and tagged.link_unread = 1
      ${others.length > 0 ? sql`and ${hasEveryTag(userId, others, "tagged.link_id")}` : sql``}`;
}

/** How many unread links carry every tag, and how many are unread at all. */
async function countTagged(db: DB, userId: number, tags: readonly string[]): Promise<{ tagged: number; unread: number }> {
  const { rows } = await sql<{ tagged: number; unread: number }>`
    select count(*) as tagged, (select count(*) from links where user_id = ${userId} and read_at is null) as unread
    ${taggedUnread(userId, tags)}`.execute(db);
  return rows[0]!;
}

/** Page `requested` of the user's unread links, newest (or oldest) saved first; a page past the end shows the last one. */
export async function unreadPage(db: DB, userId: number, filter: UnreadFilter, requested: number, size: number): Promise<LinkPage> {
  const direction = filter.oldestFirst ? "asc" : "desc";
  const tagged = filter.tags.length > 0 ? await countTagged(db, userId, filter.tags) : undefined;
  const total = tagged ? tagged.tagged : await countUnread(db, userId);
  const page = pageOf(total, requested, size);
  let query = unreadQuery(db, userId);
  if (tagged) {
    // Walking the unread links in saved order finds one tagged link in every unread/tagged; when that walk
    // would be longer than the tagged links themselves (a rare tag, a deep page), those are read and sorted.
    const walk = ((page.offset + page.size) * tagged.unread) / Math.max(tagged.tagged, 1);
    query =
      walk <= tagged.tagged
        ? query.where(hasEveryTag(userId, filter.tags, "links.id"))
        : query.where("links.id", "in", sql<number>`(select tagged.link_id ${taggedUnread(userId, filter.tags)})`);
  }
  const rows = await query
    .select(linkColumns)
    .orderBy("links.saved_at", direction)
    // Links saved together (one message) keep the order they had in it.
    .orderBy("links.id", "asc")
    .limit(page.size)
    .offset(page.offset)
    .execute();
  return { total, page, links: await withTags(db, rows) };
}

export async function countUnread(db: DB, userId: number): Promise<number> {
  const row = await unreadQuery(db, userId)
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks the user's own link read (keeping the first read time) or unread; false when the link is not theirs (or gone). */
export async function setRead(db: DB, userId: number, linkId: number, read: boolean, now: number): Promise<boolean> {
  const result = await db
    .updateTable("links")
    .set({ read_at: read ? sql<number>`coalesce(read_at, ${now})` : null })
    .where("id", "=", linkId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface DayActivity {
  saved: ListedLink[];
  read: ListedLink[];
  notes: { link_id: number; title: string | null; url: string; text: string; created_at: number }[];
  savedCount: number;
  readCount: number;
  noteCount: number;
}

/** What happened in [start, end): links saved, links read, notes written; lists capped, counts complete. */
export async function activityBetween(db: DB, userId: number, start: number, end: number, limits: { links: number; notes: number }): Promise<DayActivity> {
  const saved = db.selectFrom("links").where("user_id", "=", userId).where("saved_at", ">=", start).where("saved_at", "<", end);
  const read = db.selectFrom("links").where("user_id", "=", userId).where("read_at", ">=", start).where("read_at", "<", end);
  const notes = db.selectFrom("notes").where("notes.user_id", "=", userId).where("notes.created_at", ">=", start).where("notes.created_at", "<", end);
  const count = sql<number>`count(*)`.as("n");
  const [savedRows, readRows, noteRows, savedCount, readCount, noteCount] = await Promise.all([
    saved.select(linkColumns).orderBy("saved_at").orderBy("id").limit(limits.links).execute(),
    read.select(linkColumns).orderBy("read_at").orderBy("id").limit(limits.links).execute(),
    notes
      .innerJoin("links", "links.id", "notes.link_id")
      .select(["notes.link_id", "links.title", "links.url", "notes.text", "notes.created_at"])
      .orderBy("notes.created_at")
      .limit(limits.notes)
      .execute(),
    saved.select(count).executeTakeFirstOrThrow(),
    read.select(count).executeTakeFirstOrThrow(),
    notes.select(count).executeTakeFirstOrThrow(),
  ]);
  // One tag lookup for both lists.
  const tagged = await withTags(db, [...savedRows, ...readRows]);
  return {
    saved: tagged.slice(0, savedRows.length),
    read: tagged.slice(savedRows.length),
    notes: noteRows,
    savedCount: savedCount.n,
    readCount: readCount.n,
    noteCount: noteCount.n,
  };
}
