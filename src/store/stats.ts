import { sql, type RawBuilder } from "kysely";
import type { DB } from "../db/connection.js";
import { buildStatsReport, CHART_WEEKS, type StatsReport } from "../stats/report.js";
import { QUARTER_HOUR_MS, weekWindows, type Activity } from "../stats/weeks.js";
import { countUnread } from "./reading.js";
import { tagCounts } from "./tags.js";

/**
 * Counts per quarter hour (see stats/weeks.ts `Activity`) of a time column: the database groups, the report puts the
 * quarters into local days and weeks. Integer division on both databases (bigint on PostgreSQL).
 */
async function activity(db: DB, table: "links" | "notes", time: RawBuilder<number>, filter: RawBuilder<unknown>): Promise<Activity[]> {
  const { rows } = await sql<{ quarter: number; count: number }>`
    select ${time} / ${sql.lit(QUARTER_HOUR_MS)} as quarter, count(*) as count from ${sql.table(table)} where ${filter} group by 1`.execute(db);
  return rows.map((row) => ({ at: Number(row.quarter) * QUARTER_HOUR_MS, count: Number(row.count) }));
}

/**
 * Everything /stats shows, for one user: links saved and notes written over the chart's weeks, every read (the
 * longest streak looks back to the first), the backlog, the tags and the sites. A read counts no earlier than its
 * link's save (an import can say otherwise), so the weekly backlog adds up to the backlog now. Deleted links are
 * in the trash table, not in `links`, and count nowhere.
 */
export async function loadStatsReport(db: DB, user: { id: number; time_zone: string }, now: number): Promise<StatsReport> {
  const since = weekWindows(now, user.time_zone, CHART_WEEKS)[0]!.from;
  const [saved, read, notes, backlog, tags, urls] = await Promise.all([
    activity(db, "links", sql`saved_at`, sql`user_id = ${user.id} and saved_at >= ${since}`),
    activity(db, "links", sql`(case when read_at > saved_at then read_at else saved_at end)`, sql`user_id = ${user.id} and read_at is not null`),
    activity(db, "notes", sql`created_at`, sql`user_id = ${user.id} and created_at >= ${since}`),
    countUnread(db, user.id),
    tagCounts(db, user.id),
    db.selectFrom("links").select("url").where("user_id", "=", user.id).execute(),
  ]);
  return buildStatsReport({
    now,
    timeZone: user.time_zone,
    saved,
    read,
    notes,
    backlog,
    tags: tags.map((tag) => ({ name: tag.name, count: Number(tag.total) })),
    urls: urls.map((row) => row.url),
  });
}
