import { sql, type Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // The "Fetching the page again…" answers to /refetch, edited by the title worker when the fetch ends. A row, not
  // memory, so a restart between the command and the fetch still reports; the worker forgets rows after a while.
  await db.schema
    .createTable("refetch_answers")
    .addColumn("chat_id", "integer", (col) => col.notNull())
    .addColumn("message_id", "integer", (col) => col.notNull())
    .addColumn("link_id", "integer", (col) => col.notNull().references("links.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (col) => col.notNull())
    .addColumn("requested_at", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("refetch_answers_pk", ["chat_id", "message_id"])
    .execute();
  await sql`create index refetch_answers_link on refetch_answers (link_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("refetch_answers").execute();
}
