import { sql, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index links_user_site`.execute(db);
  // Each link's site, the host of its URL without "www.": the Mini App's site filter and site counts. Migration
  // 0020's index on the expression served the filter, but neither database could count a state's sites from it without
  // reading every link (PostgreSQL took 250 ms at 100,000 links): the column makes that an index-only scan, of all
  // links or of the unread ones (the read ones are the difference). Not read_at in one index instead: that made it
  // cover /unread's count too, which then walked every link of the user instead of the unread ones.
  // Triggers fill it on every insert that gives none (capture, import, an Undo of a link deleted before this
  // migration), so no insert path has to know; a copy (db:copy, Undo) keeps the value it brings.
  await sql`alter table links add column site text`.execute(db);
  const postgres = dialectOf(db) === "postgres";
  await sql`update links set site = ${siteOf(postgres, "url")}`.execute(db);
  await sql`create index links_user_site on links (user_id, site, saved_at)`.execute(db);
  await sql`create index links_user_unread_site on links (user_id, site, saved_at, read_at) where read_at is null`.execute(db);
  if (postgres) await createPostgresTrigger(db);
  else await createSqliteTriggers(db);
}

/**
 * The site of the URL in `column`. Stored URLs are hrefs of http(s) URLs (src/links/normalize.ts), so a "/" always
 * follows the host; a user name before "@" is dropped, a port kept.
 */
function siteOf(postgres: boolean, column: string) {
  const find = postgres ? "strpos" : "instr";
  const rest = `substr(${column}, ${find}(${column}, '://') + 3)`;
  const authority = postgres ? `split_part(${rest}, '/', 1)` : `substr(${rest}, 1, instr(${rest} || '/', '/') - 1)`;
  const host = `substr(${authority}, ${find}(${authority}, '@') + 1)`;
  return sql.raw(`(case when substr(${host}, 1, 4) = 'www.' then substr(${host}, 5) else ${host} end)`);
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger links_site_on_insert after insert on links when new.site is null
    begin
      update links set site = ${siteOf(false, "new.url")} where id = new.id;
    end`.execute(db);
  await sql`
    create trigger links_site_on_url after update of url on links
    begin
      update links set site = ${siteOf(false, "new.url")} where id = new.id;
    end`.execute(db);
}

async function createPostgresTrigger(db: Kysely<any>): Promise<void> {
  await sql`
    create function links_site() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' or new.site is null then new.site := ${siteOf(true, "new.url")}; end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger links_site before insert or update of url on links for each row execute function links_site()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop trigger links_site on links`.execute(db);
    await sql`drop function links_site`.execute(db);
  } else {
    await sql`drop trigger links_site_on_url`.execute(db);
    await sql`drop trigger links_site_on_insert`.execute(db);
  }
  await sql`drop index links_user_unread_site`.execute(db);
  await sql`drop index links_user_site`.execute(db);
  await sql`alter table links drop column site`.execute(db);
  const site = siteOf(dialectOf(db) === "postgres", "url");
  await sql`create index links_user_site on links (user_id, ${site}, saved_at, read_at)`.execute(db);
}
