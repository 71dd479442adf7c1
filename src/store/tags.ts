import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { DAY_MS } from "../time/local-date.js";
import { reindexLinks } from "./search-index.js";

/**
 * The user's tags ranked by use in the last 90 days, then by use overall, then by how recently used. Each
 * figure is a count or a max over one tag's range of the (tag_id, tagged_at) index: a user with years of
 * links would otherwise have every one of their taggings read on each tag question.
 */
export async function suggestTags(db: DB, userId: number, now: number, limit: number): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from (
      select tags.name,
        (select count(*) from link_tags where tag_id = tags.id and tagged_at > ${now - 90 * DAY_MS}) as recent,
        (select count(*) from link_tags where tag_id = tags.id) as uses,
        (select max(tagged_at) from link_tags where tag_id = tags.id) as last_used
      from tags where tags.user_id = ${userId}) as ranked
    where last_used is not null
    order by recent desc, uses desc, last_used desc, name
    limit ${limit}`.execute(db);
  return rows.map((row) => row.name);
}

/** Tag names per link id, each list sorted by name. */
export async function tagsOfLinks(db: DB, linkIds: readonly number[]): Promise<Map<number, string[]>> {
  const byLink = new Map<number, string[]>(linkIds.map((id) => [id, []]));
  if (linkIds.length === 0) return byLink;
  const rows = await db
    .selectFrom("link_tags")
    .innerJoin("tags", "tags.id", "link_tags.tag_id")
    .select(["link_tags.link_id", "tags.name"])
    .where("link_tags.link_id", "in", linkIds)
    .orderBy("tags.name")
    .execute();
  for (const row of rows) byLink.get(row.link_id)?.push(row.name);
  return byLink;
}

/** The user's tag id for each of these names, creating the tags that do not exist yet. */
export async function tagIdsCreatingMissing(db: DB, userId: number, names: readonly string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const unique = [...new Set(names)];
  await db
    .insertInto("tags")
    .values(unique.map((name) => ({ user_id: userId, name })))
    .onConflict((oc) => oc.columns(["user_id", "name"]).doNothing())
    .execute();
  const rows = await db.selectFrom("tags").select(["id", "name"]).where("user_id", "=", userId).where("name", "in", unique).execute();
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** Gives every link every one of the tags; pairs that exist already stay as they were. */
async function tagLinks(trx: DB, linkIds: readonly number[], tagIds: readonly number[], now: number): Promise<void> {
  if (tagIds.length === 0) return;
  await trx
    .insertInto("link_tags")
    .values(linkIds.flatMap((linkId) => tagIds.map((tagId) => ({ link_id: linkId, tag_id: tagId, tagged_at: now }))))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Makes `names` exactly the tags of each link (ids must already be verified as the user's), in one transaction. */
export async function replaceLinkTags(db: DB, userId: number, linkIds: readonly number[], names: readonly string[], now: number): Promise<void> {
  if (linkIds.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const tagIds = [...(await tagIdsCreatingMissing(trx, userId, names)).values()];
    let removal = trx.deleteFrom("link_tags").where("link_id", "in", linkIds);
    if (tagIds.length > 0) removal = removal.where("tag_id", "not in", tagIds);
    await removal.execute();
    await tagLinks(trx, linkIds, tagIds, now);
    await reindexLinks(trx, linkIds);
  });
}

export interface TagCount {
  id: number;
  name: string;
  unread: number;
  total: number;
}

/**
 * Every tag of the user that is on at least one link, most used first. Both counts are ranges of the
 * (tag_id, link_unread, …) index, tag by tag: grouping the user's taggings took 35 ms at 150,000 of them, this 9.
 */
export async function tagCounts(db: DB, userId: number): Promise<TagCount[]> {
  // Materialized, so the filter and the order use the counts instead of running them again.
  const { rows } = await sql<TagCount>`
    with counted as materialized (
      select tags.id, tags.name,
        (select count(*) from link_tags where tag_id = tags.id and link_unread = 1) as unread,
        (select count(*) from link_tags where tag_id = tags.id) as total
      from tags where tags.user_id = ${userId})
    select id, name, unread, total from counted where total > 0 order by total desc, name`.execute(db);
  return rows;
}

export async function findTag(db: DB, userId: number, id: number): Promise<{ id: number; name: string } | undefined> {
  return await db.selectFrom("tags").select(["id", "name"]).where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
}

export type RenameOutcome = "renamed" | "merged" | "not-found" | "same";

/** Renames a tag; when the new name exists already, the two become one (links keep every tag they had). */
export async function renameTag(db: DB, userId: number, from: string, to: string, now: number): Promise<RenameOutcome> {
  if (from === to) return "same";
  return await db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom("tags").select("id").where("user_id", "=", userId).where("name", "=", from).executeTakeFirst();
    if (!old) return "not-found";
    const linkIds = (await trx.selectFrom("link_tags").select("link_id").where("tag_id", "=", old.id).execute()).map((row) => row.link_id);
    const target = await trx.selectFrom("tags").select("id").where("user_id", "=", userId).where("name", "=", to).executeTakeFirst();
    if (target) {
      if (linkIds.length > 0) {
        await trx
          .insertInto("link_tags")
          .values(linkIds.map((linkId) => ({ link_id: linkId, tag_id: target.id, tagged_at: now })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await trx.deleteFrom("tags").where("id", "=", old.id).execute();
    } else {
      await trx.updateTable("tags").set({ name: to }).where("id", "=", old.id).execute();
    }
    await reindexLinks(trx, linkIds);
    return target ? "merged" : "renamed";
  });
}

/** The id of the user's tag `name`, as a subquery SQLite evaluates once per statement. */
export function tagIdOf(userId: number, name: string) {
  return sql<number>`(select id from tags where user_id = ${userId} and name = ${name})`;
}

/**
 * True when the link in column `linkId` carries every one of `tags`: one lookup in link_tags' primary key per
 * tag, so a walk over links in some order can stop as soon as it has found enough of them.
 */
export function hasEveryTag(userId: number, tags: readonly string[], linkId: "links.id" | "notes.link_id" | "tagged.link_id") {
  const each = tags.map(
    (name) => sql`exists (select 1 from link_tags where link_tags.link_id = ${sql.ref(linkId)} and link_tags.tag_id = ${tagIdOf(userId, name)})`,
  );
  return sql<boolean>`(${sql.join(each, sql` and `)})`;
}

/** Adds `names` to each link's tags, keeping the ones it has (ids must already be verified as the user's). */
export async function addLinkTags(db: DB, userId: number, linkIds: readonly number[], names: readonly string[], now: number): Promise<void> {
  if (linkIds.length === 0 || names.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await tagLinks(trx, linkIds, [...(await tagIdsCreatingMissing(trx, userId, names)).values()], now);
    await reindexLinks(trx, linkIds);
  });
}

/** The user's tags of these names, with their ids (names of no tag are left out). */
export async function tagsNamed(db: DB, userId: number, names: readonly string[]): Promise<{ id: number; name: string }[]> {
  if (names.length === 0) return [];
  return await db.selectFrom("tags").select(["id", "name"]).where("user_id", "=", userId).where("name", "in", names).execute();
}

/**
 * Puts the user's tag on the user's link, or takes it off when it is there; "on" or "off" as it is now, undefined
 * when either is not theirs.
 */
export async function toggleLinkTag(db: DB, userId: number, linkId: number, tagId: number, now: number): Promise<"on" | "off" | undefined> {
  return await db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom("links").select("id").where("id", "=", linkId).where("user_id", "=", userId).executeTakeFirst();
    const tag = await trx.selectFrom("tags").select("id").where("id", "=", tagId).where("user_id", "=", userId).executeTakeFirst();
    if (!link || !tag) return undefined;
    const removed = await trx.deleteFrom("link_tags").where("link_id", "=", linkId).where("tag_id", "=", tagId).executeTakeFirst();
    if (removed.numDeletedRows === 0n) await tagLinks(trx, [linkId], [tagId], now);
    await reindexLinks(trx, [linkId]);
    return removed.numDeletedRows === 0n ? "on" : "off";
  });
}

/** The user's tags with these ids, in the order given (ids of no tag of theirs are left out). */
export async function tagsWithIds(db: DB, userId: number, ids: readonly number[]): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("tags").select(["id", "name"]).where("user_id", "=", userId).where("id", "in", ids).execute();
  return ids.flatMap((id) => rows.filter((row) => row.id === id));
}
