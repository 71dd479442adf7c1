import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // 0 until the user chose a time zone: no digest is sent at an hour of a zone they never chose. Users from before
  // this migration keep the digests they have been getting.
  await db.schema
    .alterTable("users")
    .addColumn("time_zone_chosen", "integer", (col) => col.notNull().defaultTo(1))
    .execute();
  // The language chosen with /language ('en', 'zh'); null follows the language of the user's Telegram app.
  await db.schema.alterTable("users").addColumn("language", "text").execute();
  await sql`drop index users_digest_due`.execute(db);
  await sql`create index users_digest_due on users (digest_next_at) where digest_enabled = 1 and time_zone_chosen = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index users_digest_due`.execute(db);
  await sql`create index users_digest_due on users (digest_next_at) where digest_enabled = 1`.execute(db);
  await db.schema.alterTable("users").dropColumn("language").execute();
  await db.schema.alterTable("users").dropColumn("time_zone_chosen").execute();
}
