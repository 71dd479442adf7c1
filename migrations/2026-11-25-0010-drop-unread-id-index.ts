import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // Made for /unread #tag's per-link lookups, which link_tags.link_unread (0008) replaced. Counting a user's
  // unread links reads links_user_unread as well, so this index only cost a write on every save and read mark.
  await sql`drop index links_user_unread_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index links_user_unread_id on links (user_id, id) where read_at is null`.execute(db);
}
