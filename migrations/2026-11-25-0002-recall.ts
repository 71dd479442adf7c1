import { sql, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // The unread list and the reading queue walk this index in saved order; read links are not in it at all.
  await sql`create index links_user_unread on links (user_id, saved_at) where read_at is null`.execute(db);
  // "Read today" and reading streaks look links up by the time they were read.
  await sql`create index links_user_read on links (user_id, read_at) where read_at is not null`.execute(db);
  // An edited Telegram message finds the note it became.
  await db.schema.createIndex("notes_message").on("notes").columns(["chat_id", "message_id"]).execute();

  // A list shown to a user (its kind and filters), so its buttons carry only a small id and a page number.
  await db.schema
    .createTable("list_views")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("params", "text", (col) => col.notNull())
    .addColumn("created_at", "integer", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("list_views_user").on("list_views").columns(["user_id", "id"]).execute();

  if (dialectOf(db) === "postgres") {
    // PostgreSQL: one tsvector per link, written from the same prepared words (src/search/tsvector.ts), in a
    // GIN index; a deleted link takes its row along.
    await sql`
      create table link_search (
        rowid bigint primary key references links (id) on delete cascade,
        document tsvector not null
      )`.execute(db);
    await sql`create index link_search_document on link_search using gin (document)`.execute(db);
  } else {
    // Full-text search, one row per link (rowid = links.id). The indexed text is prepared by the application:
    // Chinese/Japanese/Korean runs become overlapping two-character tokens so that a word inside a longer run
    // is found, which neither unicode61 (whole runs) nor trigram (three characters at least) can do for "进程".
    // `owner` holds "u<user id>" so that every query is narrowed to one user inside the index itself.
    await sql`
      create virtual table link_search using fts5(
        owner, title, url, tags, notes,
        tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
    await sql`
      create trigger links_search_delete after delete on links begin
        delete from link_search where rowid = old.id;
      end`.execute(db);
  }

  // Small key/value facts about the database itself, such as which version of the search text it holds.
  await db.schema
    .createTable("meta")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("value", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("meta").execute();
  if (dialectOf(db) === "sqlite") await sql`drop trigger links_search_delete`.execute(db);
  await sql`drop table link_search`.execute(db);
  await db.schema.dropTable("list_views").execute();
  await db.schema.dropIndex("notes_message").execute();
  await db.schema.dropIndex("links_user_read").execute();
  await db.schema.dropIndex("links_user_unread").execute();
}
