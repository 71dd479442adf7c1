import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // "Is this link of the user unread?" answered from a small index: counting /unread #tag probes it once per
  // link of the tag, and the links table itself is too wide to probe that often.
  await sql`create index links_user_unread_id on links (user_id, id) where read_at is null`.execute(db);
  // With link_id in it, /notes counts a period's notes and orders them by link without reading the notes.
  await db.schema.createIndex("notes_user_created_link").on("notes").columns(["user_id", "created_at", "link_id"]).execute();
  await db.schema.dropIndex("notes_user_created").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("notes_user_created").on("notes").columns(["user_id", "created_at"]).execute();
  await db.schema.dropIndex("notes_user_created_link").execute();
  await sql`drop index links_user_unread_id`.execute(db);
}
