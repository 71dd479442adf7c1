import { sql, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

// Frozen once shipped: schema changes go into new migration files. (Migration 0021 replaces this index.)
export async function up(db: Kysely<any>): Promise<void> {
  // The Mini App's site filter and site counts. Matching URL text walked all of a user's links for a rare site;
  // this index holds each link's site (an expression: nothing to fill on insert), then saved_at for the list's
  // order, and read_at so that counting a state's sites reads the index alone.
  const site = siteSql(dialectOf(db) === "postgres", "url");
  await sql`create index links_user_site on links (user_id, ${site}, saved_at, read_at)`.execute(db);
}

/** The host of the URL in `column` without "www.", as SQL (a user name before "@" dropped, a port kept). */
function siteSql(postgres: boolean, column: string) {
  const [find, rest] = postgres ? ["strpos", `substr(${column}, strpos(${column}, '://') + 3)`] : ["instr", `substr(${column}, instr(${column}, '://') + 3)`];
  const authority = postgres ? `split_part(${rest}, '/', 1)` : `substr(${rest}, 1, instr(${rest} || '/', '/') - 1)`;
  const host = `substr(${authority}, ${find}(${authority}, '@') + 1)`;
  return sql.raw(`(case when substr(${host}, 1, 4) = 'www.' then substr(${host}, 5) else ${host} end)`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index links_user_site`.execute(db);
}
