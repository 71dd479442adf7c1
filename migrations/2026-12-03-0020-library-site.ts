import { sql, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";
import { siteSql } from "../src/store/library-site.js";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // The Mini App's site filter and site counts. Matching URL text walked all of a user's links for a rare site;
  // this index holds each link's site (an expression: nothing to fill on insert), then saved_at for the list's
  // order, and read_at so that counting a state's sites reads the index alone.
  const site = siteSql(dialectOf(db), "url");
  await sql`create index links_user_site on links (user_id, ${site}, saved_at, read_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index links_user_site`.execute(db);
}
