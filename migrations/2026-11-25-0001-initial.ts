import type { Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

// Frozen once shipped: schema changes go into new migration files.
// Times are Unix epoch milliseconds (UTC); local dates are derived with the user's time zone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (col) => col.primaryKey()) // Telegram user id
    .addColumn("first_name", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("language_code", "text")
    .addColumn("time_zone", "text", (col) => col.notNull())
    .addColumn("created_at", "integer", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("links")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("url", "text", (col) => col.notNull())
    .addColumn("url_key", "text", (col) => col.notNull())
    .addColumn("title", "text")
    .addColumn("source", "text")
    .addColumn("saved_at", "integer", (col) => col.notNull())
    .addColumn("read_at", "integer")
    .addUniqueConstraint("links_user_url_key", ["user_id", "url_key"])
    .execute();
  await db.schema.createIndex("links_user_saved").on("links").columns(["user_id", "saved_at"]).execute();

  await db.schema
    .createTable("tags")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (col) => col.notNull())
    .addUniqueConstraint("tags_user_name", ["user_id", "name"])
    .execute();

  await db.schema
    .createTable("link_tags")
    .addColumn("link_id", "integer", (col) => col.notNull().references("links.id").onDelete("cascade"))
    .addColumn("tag_id", "integer", (col) => col.notNull().references("tags.id").onDelete("cascade"))
    .addColumn("tagged_at", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("link_tags_pk", ["link_id", "tag_id"])
    .execute();
  await db.schema.createIndex("link_tags_tag").on("link_tags").columns(["tag_id", "link_id"]).execute();

  await db.schema
    .createTable("notes")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("link_id", "integer", (col) => col.notNull().references("links.id").onDelete("cascade"))
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("created_at", "integer", (col) => col.notNull())
    .addColumn("updated_at", "integer", (col) => col.notNull())
    // The Telegram message the note came from, so an edit of that message updates the note.
    .addColumn("chat_id", "integer")
    .addColumn("message_id", "integer")
    .execute();
  await db.schema.createIndex("notes_link").on("notes").columns(["link_id", "created_at"]).execute();
  await db.schema.createIndex("notes_user_created").on("notes").columns(["user_id", "created_at"]).execute();

  // Which Telegram messages speak about which links: a reply to any of them targets those links.
  const linkMessages = db.schema
    .createTable("link_messages")
    .addColumn("chat_id", "integer", (col) => col.notNull())
    .addColumn("message_id", "integer", (col) => col.notNull())
    .addColumn("link_id", "integer", (col) => col.notNull().references("links.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("link_messages_pk", ["chat_id", "message_id", "link_id"]);
  // SQLite numbers rows in insertion order (rowid), which lists a message's links in the order it named them;
  // PostgreSQL gets a column of that name for the same order.
  const ordered = dialectOf(db) === "postgres" ? linkMessages.addColumn("rowid", "integer", (col) => col.autoIncrement()) : linkMessages;
  await ordered.execute();
  await db.schema.createIndex("link_messages_link").on("link_messages").column("link_id").execute();

  await db.schema
    .createTable("conversation_state")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("value", "text", (col) => col.notNull())
    .addColumn("updated_at", "integer", (col) => col.notNull())
    .execute();

}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["conversation_state", "link_messages", "notes", "link_tags", "tags", "links", "users"]) {
    await db.schema.dropTable(table).execute();
  }
}
