import type { DB } from "../db/connection.js";

// Old lists' buttons keep working for a while; past this many per user the oldest are forgotten.
const VIEWS_KEPT_PER_USER = 200;

export interface StoredView {
  id: number;
  kind: string;
  params: unknown;
  /** What the message shows now, as the view wrote it (undefined before it was drawn, or for views of old). */
  shown: unknown;
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

/** Remembers what the view's message shows now. */
export async function rememberShown(db: DB, userId: number, id: number, shown: unknown): Promise<void> {
  await db
    .updateTable("list_views")
    .set({ shown: JSON.stringify(shown) })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .execute();
}

/** Only the user's own views are found: a forged or foreign id is simply unknown. */
export async function findView(db: DB, userId: number, id: number): Promise<StoredView | undefined> {
  const row = await db.selectFrom("list_views").select(["id", "kind", "params", "shown"]).where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return (
    row && { id: row.id, kind: row.kind, params: JSON.parse(row.params) as unknown, shown: row.shown === null ? undefined : (JSON.parse(row.shown) as unknown) }
  );
}
