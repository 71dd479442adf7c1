import { amongIds } from "./bulk.js";
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
        : query.where(amongIds(db, "links.id", sql<number>`(select tagged.link_id ${taggedUnread(userId, filter.tags)})`));
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

/**
 * The user's links with these ids (the rows of a list page as it was drawn), by id; ids that are no longer the
 * user's are missing. The unary plus keeps the owner check off the (user_id, …) indexes: the ids are the key.
 */
async function linksById(db: DB, userId: number, ids: readonly number[]): Promise<Map<number, ListedLink>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("links")
    .select(linkColumns)
    .where(sql`+links.user_id`, "=", userId)
    .where("links.id", "in", [...new Set(ids)])
    .execute();
  return new Map((await withTags(db, rows)).map((link) => [link.id, link]));
}

/** The user's links with these ids, in the order given; ids that are no longer the user's are left out. */
export async function listedLinks(db: DB, userId: number, ids: readonly number[]): Promise<ListedLink[]> {
  const byId = await linksById(db, userId, ids);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** How many unread links carry every tag (all unread links for none). */
export async function countUnreadTagged(db: DB, userId: number, tags: readonly string[]): Promise<number> {
  return tags.length > 0 ? (await countTagged(db, userId, tags)).tagged : await countUnread(db, userId);
}

export interface ReadFilter {
  /** Links must carry every one of these tags. */
  tags: string[];
  /** Read within [start, end), when given. */
  range?: { start: number; end: number };
}

/**
 * The user's read links, in a time range and with tags when asked: from the read-time index, or, with tags, from
 * the first tag's read links (link_tags.link_unread = 0 is kept by triggers) on one index range.
 */
function readQuery(db: DB, userId: number, filter: ReadFilter) {
  let query = db.selectFrom("links").where("links.user_id", "=", userId).where("links.read_at", "is not", null);
  if (filter.range) query = query.where("links.read_at", ">=", filter.range.start).where("links.read_at", "<", filter.range.end);
  if (filter.tags.length > 0) {
    const [first, ...others] = filter.tags as [string, ...string[]];
    query = query.where(
      amongIds(
        db,
        "links.id",
        sql<number>`(select tagged.link_id from link_tags as tagged where tagged.tag_id = ${tagIdOf(userId, first)} and tagged.link_unread = 0)`,
      ),
    );
    if (others.length > 0) query = query.where(hasEveryTag(userId, others, "links.id"));
  }
  return query;
}

/** Page `requested` of what the user has read, last read first (`/read`). */
export async function readPage(db: DB, userId: number, filter: ReadFilter, requested: number, size: number): Promise<LinkPage> {
  const total = await countRead(db, userId, filter);
  const page = pageOf(total, requested, size);
  const rows = await readQuery(db, userId, filter)
    .select(linkColumns)
    .orderBy("links.read_at", "desc")
    .orderBy("links.id", "asc")
    .limit(page.size)
    .offset(page.offset)
    .execute();
  return { total, page, links: await withTags(db, rows) };
}

export async function countRead(db: DB, userId: number, filter: ReadFilter): Promise<number> {
  const row = await readQuery(db, userId, filter)
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface DayNote {
  id: number;
  link_id: number;
  title: string | null;
  url: string;
  text: string;
  created_at: number;
}

export interface DayCounts {
  saved: number;
  read: number;
  notes: number;
}

/** The entries of one page of a day: links saved, links read, notes written, in that order, each newest first. */
export interface DayEntries {
  saved: ListedLink[];
  read: ListedLink[];
  notes: DayNote[];
}

export interface DayPage extends DayEntries {
  counts: DayCounts;
  page: Page;
}

function dayQueries(db: DB, userId: number, start: number, end: number) {
  return {
    saved: db.selectFrom("links").where("user_id", "=", userId).where("saved_at", ">=", start).where("saved_at", "<", end),
    read: db.selectFrom("links").where("user_id", "=", userId).where("read_at", ">=", start).where("read_at", "<", end),
    notes: db.selectFrom("notes").where("notes.user_id", "=", userId).where("notes.created_at", ">=", start).where("notes.created_at", "<", end),
  };
}

const noteColumns = ["notes.id", "notes.link_id", "links.title", "links.url", "notes.text", "notes.created_at"] as const;

/** How many links were saved and read, and notes written, in [start, end). */
export async function dayCounts(db: DB, userId: number, start: number, end: number): Promise<DayCounts> {
  const { saved, read, notes } = dayQueries(db, userId, start, end);
  const count = sql<number>`count(*)`.as("n");
  const [s, r, n] = await Promise.all([
    saved.select(count).executeTakeFirstOrThrow(),
    read.select(count).executeTakeFirstOrThrow(),
    notes.select(count).executeTakeFirstOrThrow(),
  ]);
  return { saved: s.n, read: r.n, notes: n.n };
}

/** The part [from, to) of a run of `count` entries that begins at `first` in the day's sequence: offset and limit. */
function slice(from: number, to: number, first: number, count: number): { offset: number; limit: number } | null {
  const offset = Math.max(from - first, 0);
  const limit = Math.min(to - first, count) - offset;
  return limit > 0 ? { offset, limit } : null;
}

/**
 * Page `requested` of what happened in [start, end): the saved links, then the read ones, then the notes, each
 * newest first, `size` entries a page. Only the runs the page crosses are read, each from its own time index.
 */
export async function dayPage(db: DB, userId: number, start: number, end: number, requested: number, size: number): Promise<DayPage> {
  const counts = await dayCounts(db, userId, start, end);
  const page = pageOf(counts.saved + counts.read + counts.notes, requested, size);
  const [from, to] = [page.offset, page.offset + page.size];
  const { saved, read, notes } = dayQueries(db, userId, start, end);
  const parts = [slice(from, to, 0, counts.saved), slice(from, to, counts.saved, counts.read), slice(from, to, counts.saved + counts.read, counts.notes)];
  const [savedRows, readRows, noteRows] = await Promise.all([
    parts[0] ? saved.select(linkColumns).orderBy("saved_at", "desc").orderBy("id", "asc").limit(parts[0].limit).offset(parts[0].offset).execute() : [],
    parts[1] ? read.select(linkColumns).orderBy("read_at", "desc").orderBy("id", "asc").limit(parts[1].limit).offset(parts[1].offset).execute() : [],
    parts[2]
      ? notes
          .innerJoin("links", "links.id", "notes.link_id")
          .select(noteColumns)
          .orderBy("notes.created_at", "desc")
          .orderBy("notes.id", "desc")
          .limit(parts[2].limit)
          .offset(parts[2].offset)
          .execute()
      : [],
  ]);
  // One tag lookup for both lists.
  const tagged = await withTags(db, [...savedRows, ...readRows]);
  return { counts, page, saved: tagged.slice(0, savedRows.length), read: tagged.slice(savedRows.length), notes: noteRows };
}

/** The entries with these ids, in the order given (a page of a day as it was drawn); gone ones are left out. */
export async function dayEntries(db: DB, userId: number, ids: { saved: number[]; read: number[]; notes: number[] }): Promise<DayEntries> {
  const [links, noteRows] = await Promise.all([
    linksById(db, userId, [...ids.saved, ...ids.read]),
    ids.notes.length === 0
      ? []
      : db
          .selectFrom("notes")
          .innerJoin("links", "links.id", "notes.link_id")
          .select(noteColumns)
          .where("notes.user_id", "=", userId)
          .where("notes.id", "in", ids.notes)
          .execute(),
  ]);
  const notesById = new Map(noteRows.map((note) => [note.id, note]));
  return {
    saved: ids.saved.flatMap((id) => links.get(id) ?? []),
    read: ids.read.flatMap((id) => links.get(id) ?? []),
    notes: ids.notes.flatMap((id) => notesById.get(id) ?? []),
  };
}
