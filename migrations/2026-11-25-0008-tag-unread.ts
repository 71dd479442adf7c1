import { sql, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

// Frozen once shipped: schema changes go into new migration files.
export async function up(db: Kysely<any>): Promise<void> {
  // Whether the tagged link is unread, kept beside the tag: /unread #tag and /tags count a tag's unread links
  // from one index range instead of looking each of the tag's links up in the links table (27,000 lookups,
  // 10–30 ms, for a heavily used tag).
  await sql`alter table link_tags add column link_unread integer not null default 1`.execute(db);
  await sql`update link_tags set link_unread = 0 where link_id in (select id from links where read_at is not null)`.execute(db);
  // Replaces (tag_id, link_id): every lookup by tag still finds its prefix here.
  await sql`create index link_tags_tag_unread on link_tags (tag_id, link_unread, link_id)`.execute(db);
  await sql`drop index link_tags_tag`.execute(db);
  // Triggers keep the copy true whatever writes links or link_tags (a read mark, an import, a tag merge).
  if (dialectOf(db) === "postgres") await createPostgresTriggers(db);
  else await createSqliteTriggers(db);
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger link_tags_unread_on_tag after insert on link_tags
    when (select read_at from links where id = new.link_id) is not null
    begin
      update link_tags set link_unread = 0 where link_id = new.link_id and tag_id = new.tag_id;
    end`.execute(db);
  await sql`
    create trigger link_tags_unread_on_read after update of read_at on links
    when (old.read_at is null) != (new.read_at is null)
    begin
      update link_tags set link_unread = (new.read_at is null) where link_id = new.id;
    end`.execute(db);
}

// The same two triggers in PL/pgSQL: the first sets the new row's copy before it is written.
async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  await sql`
    create function link_tags_unread_on_tag() returns trigger language plpgsql as $$
    begin
      if (select read_at from links where id = new.link_id) is not null then new.link_unread := 0; end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger link_tags_unread_on_tag before insert on link_tags
    for each row execute function link_tags_unread_on_tag()`.execute(db);
  await sql`
    create function link_tags_unread_on_read() returns trigger language plpgsql as $$
    begin
      update link_tags set link_unread = case when new.read_at is null then 1 else 0 end where link_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger link_tags_unread_on_read after update of read_at on links
    for each row when ((old.read_at is null) <> (new.read_at is null)) execute function link_tags_unread_on_read()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop trigger link_tags_unread_on_read on links`.execute(db);
    await sql`drop trigger link_tags_unread_on_tag on link_tags`.execute(db);
    await sql`drop function link_tags_unread_on_read`.execute(db);
    await sql`drop function link_tags_unread_on_tag`.execute(db);
  } else {
    await sql`drop trigger link_tags_unread_on_read`.execute(db);
    await sql`drop trigger link_tags_unread_on_tag`.execute(db);
  }
  await sql`create index link_tags_tag on link_tags (tag_id, link_id)`.execute(db);
  await sql`drop index link_tags_tag_unread`.execute(db);
  await sql`alter table link_tags drop column link_unread`.execute(db);
}
