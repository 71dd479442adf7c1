import { sql, type RawBuilder } from "kysely";
import { dialectOf } from "../db/dialect.js";
import type { DB } from "../db/connection.js";
import { DAY_MS } from "../time/local-date.js";
import type { User } from "../db/schema.js";
import type { DigestFacts } from "../digest/compose.js";

type DigestUserRow = Pick<
  User,
  "id" | "time_zone" | "language_code" | "language" | "digest_minute" | "digest_size" | "digest_always" | "digest_next_at" | "digest_last_shown"
>;

/** A user as the digest sees them, with the links the last digest proposed parsed from their JSON column. */
export type DigestUser = Omit<DigestUserRow, "digest_last_shown"> & { lastShown: number[] };

/** The one place the users row's JSON column is read. */
export function digestUserOf({ digest_last_shown, ...user }: DigestUserRow): DigestUser {
  return { ...user, lastShown: JSON.parse(digest_last_shown) as number[] };
}

/** Users whose digest is due, earliest first; served by the partial index on digest_next_at. */
export async function dueDigestUsers(db: DB, now: number, limit: number): Promise<DigestUser[]> {
  const rows = await db
    .selectFrom("users")
    .select(["id", "time_zone", "language_code", "language", "digest_minute", "digest_size", "digest_always", "digest_next_at", "digest_last_shown"])
    .where("digest_enabled", "=", 1)
    .where("time_zone_chosen", "=", 1)
    .where("digest_next_at", "<=", now)
    .orderBy("digest_next_at")
    .limit(limit)
    .execute();
  return rows.map(digestUserOf);
}

export async function setDigestNextAt(db: DB, userId: number, nextAt: number): Promise<void> {
  await db.updateTable("users").set({ digest_next_at: nextAt }).where("id", "=", userId).execute();
}

/**
 * Takes the user's digest of `localDate` for this process, or says someone else has it (null). One
 * statement, so it is atomic across processes: it inserts the day's row, or takes over a day whose earlier
 * attempt failed temporarily; a row in any other state belongs to whoever wrote it.
 */
export async function claimDigest(db: DB, userId: number, localDate: string, now: number): Promise<{ attempts: number } | null> {
  const claimed = await db
    .insertInto("digest_sends")
    .values({ user_id: userId, local_date: localDate, status: "sending", claimed_at: now })
    .onConflict((oc) =>
      oc
        .columns(["user_id", "local_date"])
        .doUpdateSet((eb) => ({ status: "sending", attempts: eb("digest_sends.attempts", "+", 1), claimed_at: now }))
        .where("digest_sends.status", "=", "retry"),
    )
    .returning("attempts")
    .executeTakeFirst();
  return claimed ?? null;
}

export type DigestOutcome = { status: "sent"; shownLinkIds: number[] } | { status: "skipped" | "failed" };

export async function finishDigest(db: DB, userId: number, localDate: string, outcome: DigestOutcome, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("digest_sends")
      .set({ status: outcome.status, finished_at: now })
      .where("user_id", "=", userId)
      .where("local_date", "=", localDate)
      .execute();
    if (outcome.status === "sent") {
      await trx
        .updateTable("users")
        .set({ digest_last_shown: JSON.stringify(outcome.shownLinkIds) })
        .where("id", "=", userId)
        .execute();
    }
  });
}

/** A temporary failure: the day stays claimable for a retry at `retryAt`. */
export async function scheduleDigestRetry(db: DB, userId: number, localDate: string, retryAt: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("digest_sends").set({ status: "retry" }).where("user_id", "=", userId).where("local_date", "=", localDate).execute();
    await trx.updateTable("users").set({ digest_next_at: retryAt }).where("id", "=", userId).execute();
  });
}

export interface DigestSettings {
  digest_enabled: number;
  digest_minute: number;
  digest_size: number;
  digest_always: number;
}

export async function updateDigestSettings(db: DB, userId: number, changes: Partial<DigestSettings>, nextAt: number): Promise<void> {
  await db
    .updateTable("users")
    .set({ ...changes, digest_next_at: nextAt })
    .where("id", "=", userId)
    .execute();
}

export async function digestSentOn(db: DB, userId: number, localDate: string): Promise<boolean> {
  const row = await db
    .selectFrom("digest_sends")
    .select("status")
    .where("user_id", "=", userId)
    .where("local_date", "=", localDate)
    .where("status", "!=", "retry")
    .executeTakeFirst();
  return row !== undefined;
}

export async function snoozeLink(db: DB, userId: number, linkId: number, until: number): Promise<boolean> {
  const result = await db.updateTable("links").set({ digest_snoozed_until: until }).where("id", "=", linkId).where("user_id", "=", userId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How many of the user's links are unread, as the digest's last line counts them (snoozed ones too). */
export async function unreadCount(db: DB, userId: number): Promise<number> {
  const row = await db
    .selectFrom("links")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface DigestInput {
  userId: number;
  now: number;
  /** Yesterday in the user's zone, [start, end). */
  yesterday: { start: number; end: number };
  /** The four local days whose notes come back today. */
  revisitDays: { start: number; end: number }[];
  /** The zone's current offset, to bucket read times into local days for the streak. */
  offsetMs: number;
  candidates: number;
}

// A streak longer than this is shown as this; it keeps the query bounded for years of reading.
const STREAK_DAYS_LOOKED_AT = 400;

/**
 * JSON built in SQL: SQLite's json_object and json_group_array, PostgreSQL's json_build_object and json_agg (which
 * gives null, not [], for no rows). Both keep the order the rows come in from their ordered subquery.
 */
function jsonFunctions(db: DB) {
  if (dialectOf(db) === "postgres") {
    return { object: sql.raw("json_build_object"), array: (value: RawBuilder<unknown>) => sql`coalesce(json_agg(${value}), '[]')` };
  }
  return { object: sql.raw("json_object"), array: (value: RawBuilder<unknown>) => sql`json_group_array(${value})` };
}

/** Everything a digest says, in one statement: counts, streak days, up-next candidates and notes to revisit. */
export async function digestData(db: DB, input: DigestInput): Promise<DigestFacts> {
  const { userId, now, yesterday, offsetMs } = input;
  const revisitRanges = sql.join(
    input.revisitDays.map((day) => sql`(n.created_at >= ${day.start} and n.created_at < ${day.end})`),
    sql` or `,
  );
  const { object, array } = jsonFunctions(db);
  const { rows } = await sql<{ data: string }>`
    select cast(${object}(
      'savedYesterday', (select count(*) from links where user_id = ${userId} and saved_at >= ${yesterday.start} and saved_at < ${yesterday.end}),
      'readYesterday', (select count(*) from links where user_id = ${userId} and read_at >= ${yesterday.start} and read_at < ${yesterday.end}),
      'notesYesterday', (select count(*) from notes where user_id = ${userId} and created_at >= ${yesterday.start} and created_at < ${yesterday.end}),
      'unread', (select count(*) from links where user_id = ${userId} and read_at is null),
      'readDays', (select ${array(sql`day`)} from (
        select distinct (read_at + ${offsetMs}) / ${DAY_MS} as day from links
        where user_id = ${userId} and read_at >= ${now - STREAK_DAYS_LOOKED_AT * DAY_MS} and read_at is not null
        order by day desc) as days),
      'candidates', (select ${array(sql`${object}('id', id, 'url', url, 'title', title, 'saved_at', saved_at)`)} from (
        select id, url, title, saved_at from links
        where user_id = ${userId} and read_at is null and (digest_snoozed_until is null or digest_snoozed_until <= ${now})
        order by saved_at, id limit ${input.candidates}) as candidates),
      'revisits', (select ${array(sql`${object}('id', id, 'link_id', link_id, 'text', text, 'created_at', created_at, 'url', url, 'title', title)`)} from (
        select n.id, n.link_id, n.text, n.created_at, l.url, l.title from notes n join links l on l.id = n.link_id
        where n.user_id = ${userId} and (${revisitRanges})
        order by n.created_at limit 20) as revisits)
    ) as text) as data`.execute(db);
  return JSON.parse(rows[0]!.data) as DigestFacts;
}
