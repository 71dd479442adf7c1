import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("digest_enabled", "integer", (col) => col.notNull().defaultTo(1)).execute();
  // Local wall-clock time as minutes after midnight: 480 is 08:00 in the user's own zone.
  await db.schema.alterTable("users").addColumn("digest_minute", "integer", (col) => col.notNull().defaultTo(480)).execute();
  await db.schema.alterTable("users").addColumn("digest_size", "integer", (col) => col.notNull().defaultTo(3)).execute();
  // 1: send even on a day with nothing unread and nothing to revisit.
  await db.schema.alterTable("users").addColumn("digest_always", "integer", (col) => col.notNull().defaultTo(0)).execute();
  // The next send, in UTC ms, recomputed from local time after every send; 0 makes existing users due for a recompute.
  await db.schema.alterTable("users").addColumn("digest_next_at", "integer", (col) => col.notNull().defaultTo(0)).execute();
  // JSON array of the link ids the last digest proposed, so the next one does not repeat them.
  await db.schema.alterTable("users").addColumn("digest_last_shown", "text", (col) => col.notNull().defaultTo("[]")).execute();
  await sql`create index users_digest_due on users (digest_next_at) where digest_enabled = 1`.execute(db);

  // Snoozed links stay out of the digest until then.
  await db.schema.alterTable("links").addColumn("digest_snoozed_until", "integer").execute();

  // One row per user and local date, inserted before sending: whoever inserts it owns that day's digest.
  await db.schema
    .createTable("digest_sends")
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("local_date", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull()) // sending | sent | retry | skipped | failed
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("claimed_at", "integer", (col) => col.notNull())
    .addColumn("finished_at", "integer")
    .addPrimaryKeyConstraint("digest_sends_pk", ["user_id", "local_date"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("digest_sends").execute();
  await db.schema.alterTable("links").dropColumn("digest_snoozed_until").execute();
  await sql`drop index users_digest_due`.execute(db);
  for (const column of ["digest_last_shown", "digest_next_at", "digest_always", "digest_size", "digest_minute", "digest_enabled"]) {
    await db.schema.alterTable("users").dropColumn(column).execute();
  }
}
