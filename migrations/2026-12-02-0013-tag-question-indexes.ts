import type { Kysely } from "kysely";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // A chat keeps one row per save; finding its open or waiting questions must not walk all of them.
  await db.schema.createIndex("tag_questions_chat_status").on("tag_questions").columns(["chat_id", "status", "touched_at"]).execute();
  // A page title arriving redraws the user's recent questions: a range of one user's rows, not a scan of everyone's.
  await db.schema.createIndex("tag_questions_user_touched").on("tag_questions").columns(["user_id", "touched_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("tag_questions_user_touched").execute();
  await db.schema.dropIndex("tag_questions_chat_status").execute();
}
