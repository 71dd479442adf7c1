import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // Tag questions live in a table instead of a replayed conversation: their buttons name the row, so they keep
  // working after a restart, a time-out or /cancel, and a burst of forwarded posts joins one row.
  await db.schema
    .createTable("tag_questions")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("chat_id", "integer", (col) => col.notNull())
    // The message that shows the question (or, while queued, the notice that it is waiting); null before sending.
    .addColumn("message_id", "integer")
    .addColumn("status", "text", (col) => col.notNull())
    // JSON: the new links of each message that joined, one array per message.
    .addColumn("link_groups", "text", (col) => col.notNull().defaultTo("[]"))
    // JSON: links the user had saved before, sent again in the same burst.
    .addColumn("known_ids", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("message_count", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("media_group_id", "text")
    // "together" or "split" once the user chose how to tag a burst; null while it still offers the choice.
    .addColumn("mode", "text")
    .addColumn("retag", "integer", (col) => col.notNull().defaultTo(0))
    // JSON: the tag buttons as first shown (their indexes travel in callback data) and the toggled ones.
    .addColumn("options", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("selected", "text", (col) => col.notNull().defaultTo("[]"))
    // Text whose meaning the bot asked about (tags or a note? tag the last links?).
    .addColumn("pending_text", "text")
    .addColumn("created_at", "integer", (col) => col.notNull())
    .addColumn("touched_at", "integer", (col) => col.notNull())
    .addColumn("expires_at", "integer")
    .execute();
  await db.schema.createIndex("tag_questions_chat").on("tag_questions").columns(["chat_id", "touched_at"]).execute();
  await sql`create index tag_questions_expiry on tag_questions (expires_at) where status = 'open'`.execute(db);

  // Notes made from the words a link was sent with: dropped again when they only repeat the page's title.
  await db.schema
    .alterTable("notes")
    .addColumn("captured", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  // Where a forwarded post came from, for notes kept from its text.
  await db.schema.alterTable("notes").addColumn("source", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("notes").dropColumn("source").execute();
  await db.schema.alterTable("notes").dropColumn("captured").execute();
  await db.schema.dropTable("tag_questions").execute();
}
