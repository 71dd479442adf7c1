import { sql, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // The link the user last touched (saved, sent again, opened as a card, listed alone): where `/note text` goes.
  // A link deleted for good leaves it empty, and `/note` falls back to the link saved last.
  const id = sql.raw(dialectOf(db) === "postgres" ? "bigint" : "integer");
  await sql`alter table users add column last_link_id ${id} references links (id) on delete set null`.execute(db);

  // A deleted link waits here for its Undo, then is purged. The row leaves `links` at once (with its tags, notes and
  // message mappings, kept in `data` as JSON), so no query of links, tags, notes or search can show it by forgetting a
  // filter, and every index stays what it was. Ids are AUTOINCREMENT, never reused: Undo puts the rows back as they were.
  await db.schema
    .createTable("deleted_links")
    .addColumn("link_id", "integer", (col) => col.primaryKey())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("deleted_at", "integer", (col) => col.notNull())
    .addColumn("data", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("deleted_links_deleted_at").on("deleted_links").column("deleted_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("deleted_links").execute();
  await db.schema.alterTable("users").dropColumn("last_link_id").execute();
}
