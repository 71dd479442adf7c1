import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // 0 = a live save (or /refetch), 1 = an import or other background work. The queue index leads with it, so
  // every due live save is taken before any imported link, however many thousands of those are waiting.
  await db.schema
    .alterTable("links")
    .addColumn("fetch_priority", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await sql`drop index links_fetch_due`.execute(db);
  await sql`create index links_fetch_queue on links (fetch_priority, fetch_next_at) where fetch_status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index links_fetch_queue`.execute(db);
  await sql`create index links_fetch_due on links (fetch_next_at) where fetch_status = 'pending'`.execute(db);
  await db.schema.alterTable("links").dropColumn("fetch_priority").execute();
}
