import type { Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // The page a list message shows now (JSON: its index, the page count and the ids on it), so that ✅ and ↩️
  // redraw those very rows instead of asking again and shifting the next item under the user's thumb.
  await db.schema.alterTable("list_views").addColumn("shown", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("list_views").dropColumn("shown").execute();
}
