import type { DB } from "../db/connection.js";

// Old lists' buttons keep working for a while; past this many per user the oldest are forgotten.
const VIEWS_KEPT_PER_USER = 200;

export interface StoredView {
  id: number;
  kind: string;
  params: unknown;
}

export async function createView(db: DB, userId: number, kind: string, params: unknown, now: number): Promise<number> {
  const { id } = await db
    .insertInto("list_views")
    .values({ user_id: userId, kind, params: JSON.stringify(params), created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .deleteFrom("list_views")
    .where("user_id", "=", userId)
    .where("id", "<=", id - VIEWS_KEPT_PER_USER)
    .execute();
  return id;
}

/** Only the user's own views are found: a forged or foreign id is simply unknown. */
export async function findView(db: DB, userId: number, id: number): Promise<StoredView | undefined> {
  const row = await db.selectFrom("list_views").select(["id", "kind", "params"]).where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return row && { id: row.id, kind: row.kind, params: JSON.parse(row.params) as unknown };
}
