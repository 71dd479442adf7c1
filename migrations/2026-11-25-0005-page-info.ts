import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // `title` stays what lists show. It came from the user (their message, /title) or from the page:
  // a fetched title fills it only when the user gave none, and is always kept apart in `fetched_title`.
  await db.schema.alterTable("links").addColumn("title_source", "text").execute(); // user | page | null
  for (const column of ["fetched_title", "site_name", "description", "language", "content_type"]) {
    await db.schema.alterTable("links").addColumn(column, "text").execute();
  }
  await db.schema.alterTable("links").addColumn("reading_minutes", "integer").execute();
  // The page fetch queue lives on the link: pending | done | failed, with back-off between attempts.
  await db.schema.alterTable("links").addColumn("fetch_status", "text", (col) => col.notNull().defaultTo("done")).execute();
  await db.schema.alterTable("links").addColumn("fetch_attempts", "integer", (col) => col.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("links").addColumn("fetch_next_at", "integer").execute();
  await sql`update links set title_source = 'user' where title is not null`.execute(db);
  await sql`create index links_fetch_due on links (fetch_next_at) where fetch_status = 'pending'`.execute(db);

  // The message that confirmed a save, so a title arriving later can be shown in it.
  await db.schema
    .createTable("save_confirmations")
    .addColumn("chat_id", "integer", (col) => col.notNull())
    .addColumn("message_id", "integer", (col) => col.notNull())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("link_ids", "text", (col) => col.notNull())
    .addColumn("created_at", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("save_confirmations_pk", ["chat_id", "message_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("save_confirmations").execute();
  await sql`drop index links_fetch_due`.execute(db);
  for (const column of ["fetch_next_at", "fetch_attempts", "fetch_status", "reading_minutes", "content_type", "language", "description", "site_name", "fetched_title", "title_source"]) {
    await db.schema.alterTable("links").dropColumn(column).execute();
  }
}
