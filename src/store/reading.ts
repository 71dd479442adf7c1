import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import type { ListedLink } from "../views/link-list.js";
import { tagsOfLinks } from "./tags.js";

export interface UnreadFilter {
  /** Links must carry every one of these tags. */
  tags: string[];
  oldestFirst: boolean;
}

export interface LinkPage {
  total: number;
  links: ListedLink[];
}

/** Adds each link's tags with one query for the whole page. */
export async function withTags(db: DB, links: readonly Omit<ListedLink, "tags">[]): Promise<ListedLink[]> {
  const tags = await tagsOfLinks(db, links.map((link) => link.id));
  return links.map((link) => ({ ...link, tags: tags.get(link.id) ?? [] }));
}

function unreadQuery(db: DB, userId: number, tags: readonly string[]) {
  let query = db.selectFrom("links").where("links.user_id", "=", userId).where("links.read_at", "is", null);
  if (tags.length > 0) {
    query = query.where("links.id", "in", (eb) =>
      eb
        .selectFrom("link_tags")
        .innerJoin("tags", "tags.id", "link_tags.tag_id")
        .select("link_tags.link_id")
        .where("tags.user_id", "=", userId)
        .where("tags.name", "in", tags)
        .groupBy("link_tags.link_id")
        .having(sql`count(*)`, "=", tags.length),
    );
  }
  return query;
}

/** One page of the user's unread links, newest (or oldest) saved first. */
export async function unreadPage(db: DB, userId: number, filter: UnreadFilter, limit: number, offset: number): Promise<LinkPage> {
  const direction = filter.oldestFirst ? "asc" : "desc";
  const [count, rows] = await Promise.all([
    unreadQuery(db, userId, filter.tags).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    unreadQuery(db, userId, filter.tags)
      .select(["links.id", "links.url", "links.title", "links.saved_at", "links.read_at"])
      .orderBy("links.saved_at", direction)
      .orderBy("links.id", direction)
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return { total: count.n, links: await withTags(db, rows) };
}

export async function countUnread(db: DB, userId: number): Promise<number> {
  const row = await unreadQuery(db, userId, []).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
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
