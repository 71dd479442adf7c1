import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // Every update Telegram hands over is a row before its offset is confirmed (or its webhook post answered), so a
  // hard kill loses none, and the primary key turns a redelivery into a no-op. `chat_key` ("c<chat id>", or
  // "u<user id>" for updates without a chat) orders a chat's updates across processes: only its oldest unfinished
  // one is handed out. `counted_at` is when the rate limit counted it, so every instance counts the same rows.
  await db.schema
    .createTable("update_inbox")
    .addColumn("update_id", "integer", (col) => col.primaryKey())
    .addColumn("chat_key", "text", (col) => col.notNull())
    .addColumn("user_id", "integer")
    .addColumn("payload", "text", (col) => col.notNull())
    .addColumn("received_at", "integer", (col) => col.notNull())
    .addColumn("claimed_by", "text")
    .addColumn("lease_until", "integer")
    .addColumn("done_at", "integer")
    .addColumn("counted_at", "integer")
    .execute();
  // Each chat's head, and the count of unfinished updates, read only the unfinished rows.
  await sql`create index update_inbox_pending on update_inbox (chat_key, update_id) where done_at is null`.execute(db);
  await sql`create index update_inbox_done on update_inbox (done_at) where done_at is not null`.execute(db);
  await sql`create index update_inbox_user_counted on update_inbox (user_id, counted_at) where counted_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("update_inbox").execute();
}
