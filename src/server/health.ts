import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { backlog } from "../store/inbox.js";

export interface HealthSources {
  db: DB;
  /** Last successful getUpdates (polling) or webhook delivery, epoch ms. */
  lastUpdateAt(): number | undefined;
  /** Polling must have fetched recently; a webhook only speaks when users do. */
  expectsRecentUpdates: boolean;
  /** Last finished digest run, epoch ms. */
  schedulerRanAt(): number | undefined;
  schedulerIntervalMs: number;
}

export interface HealthReport {
  ok: boolean;
  database: boolean;
  /** Updates received and not yet handled (null when the database does not answer): a growing number means handling falls behind. */
  inboxBacklog: number | null;
  lastUpdateAt: string | null;
  schedulerRanAt: string | null;
}

// Long polls end at least every 30 s; a minute and a half without one means polling has stopped.
const UPDATES_STALE_MS = 90_000;

const iso = (epochMs: number | undefined) => (epochMs === undefined ? null : new Date(epochMs).toISOString());

async function databaseAnswers(db: DB): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

const backlogOrNull = (db: DB) => backlog(db).catch(() => null);

/** Whether the bot is alive: database reachable, updates arriving, digest scheduler running. No secrets in it. */
export async function checkHealth(sources: HealthSources, now: number): Promise<HealthReport> {
  const [database, inboxBacklog] = await Promise.all([databaseAnswers(sources.db), backlogOrNull(sources.db)]);
  const updated = sources.lastUpdateAt();
  const ran = sources.schedulerRanAt();
  const updatesFresh = !sources.expectsRecentUpdates || (updated !== undefined && now - updated < UPDATES_STALE_MS);
  const schedulerFresh = ran !== undefined && now - ran < 3 * sources.schedulerIntervalMs;
  return { ok: database && updatesFresh && schedulerFresh, database, inboxBacklog, lastUpdateAt: iso(updated), schedulerRanAt: iso(ran) };
}
