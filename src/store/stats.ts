import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { dialectOf } from "../db/dialect.js";
import { DAY_MS, type LocalDate } from "../time/local-date.js";
import { buildStatsReport, CHART_WEEKS, type StatsReport } from "../stats/report.js";
import { QUARTER_HOUR_MS, weekWindows, type Activity } from "../stats/weeks.js";
import { offsetPeriods } from "../stats/zone-offsets.js";
import { countUnread } from "./reading.js";
import { tagCounts } from "./tags.js";

type TimeColumn = "links.saved_at" | "links.read_at" | "notes.created_at";

/**
 * Counts per quarter hour (see stats/weeks.ts `Activity`) of a time column since `since`: the database groups, the
 * report puts the quarters into local weeks. Each is a range of a (user_id, time) index. Integer division on both
 * databases (bigint on PostgreSQL).
 */
async function activity(db: DB, column: TimeColumn, userId: number, since: number): Promise<Activity[]> {
  const [table] = column.split(".") as ["links" | "notes"];
  const { rows } = await sql<{ quarter: number; count: number }>`
    select ${sql.ref(column)} / ${sql.lit(QUARTER_HOUR_MS)} as quarter, count(*) as count
    from ${sql.table(table)} where user_id = ${userId} and ${sql.ref(column)} >= ${since} group by 1`.execute(db);
  return rows.map((row) => ({ at: Number(row.quarter) * QUARTER_HOUR_MS, count: Number(row.count) }));
}

/**
 * Every local day the user read a link on, ever. The zone's offsets since the first read become one `case`, so
 * the database hands over a row per day, not per read, from the (user_id, read_at) index alone.
 */
async function readDays(db: DB, userId: number, timeZone: string, now: number): Promise<LocalDate[]> {
  const first = await db
    .selectFrom("links")
    .select((eb) => eb.fn.min("read_at").as("first"))
    .where("user_id", "=", userId)
    .where("read_at", "is not", null)
    .executeTakeFirst();
  if (first?.first === null || first?.first === undefined) return [];
  const periods = offsetPeriods(timeZone, Number(first.first), now);
  const last = sql.lit(periods.at(-1)!.offsetMs);
  const branches = periods.slice(1).map((next, i) => sql`when read_at < ${sql.lit(next.from)} then ${sql.lit(periods[i]!.offsetMs)}`);
  const localOffset = branches.length === 0 ? last : sql`case ${sql.join(branches, sql` `)} else ${last} end`;
  const { rows } = await sql<{ day: number }>`
    select distinct (read_at + ${localOffset}) / ${sql.lit(DAY_MS)} as day from links
    where user_id = ${userId} and read_at is not null`.execute(db);
  return rows.map((row) => new Date(Number(row.day) * DAY_MS).toISOString().slice(0, 10));
}

/**
 * The user's links counted by the host of their key. The key, not the address: the (user_id, url_key) index holds
 * it, so SQLite reads no table rows (50 ms instead of 220 ms at 100,000 links), and its host already drops "www.",
 * "m." and "mobile." and names youtu.be as youtube.com. Every key starts with "https://", so the host runs from the
 * ninth character to the next "/"; PostgreSQL's split_part finds it in half the time of substr and strpos.
 */
async function siteHosts(db: DB, userId: number): Promise<{ host: string; count: number }[]> {
  const host = dialectOf(db) === "postgres" ? sql`split_part(url_key, '/', 3)` : sql`substr(url_key, 9, instr(substr(url_key, 9), '/') - 1)`;
  const { rows } = await sql<{ host: string; count: number }>`
    select ${host} as host, count(*) as count from links where user_id = ${userId} group by 1`.execute(db);
  return rows.map((row) => ({ host: row.host, count: Number(row.count) }));
}

/**
 * Everything /stats shows, for one user: links saved and read and notes written over the chart's weeks, every day
 * with a read (the longest streak looks back to the first), the backlog, the tags and the sites. Deleted links are
 * in the trash table, not in `links`, and count nowhere.
 */
export async function loadStatsReport(db: DB, user: { id: number; time_zone: string }, now: number): Promise<StatsReport> {
  const since = weekWindows(now, user.time_zone, CHART_WEEKS)[0]!.from;
  const [saved, read, notes, days, backlog, tags, sites] = await Promise.all([
    activity(db, "links.saved_at", user.id, since),
    activity(db, "links.read_at", user.id, since),
    activity(db, "notes.created_at", user.id, since),
    readDays(db, user.id, user.time_zone, now),
    countUnread(db, user.id),
    tagCounts(db, user.id),
    siteHosts(db, user.id),
  ]);
  return buildStatsReport({
    now,
    timeZone: user.time_zone,
    saved,
    read,
    notes,
    readDays: days,
    backlog,
    tags: tags.map((tag) => ({ name: tag.name, count: Number(tag.total) })),
    sites,
  });
}
