import type { DB } from "../db/connection.js";
import type { Logger } from "../logger.js";
import { pruneDone } from "../store/inbox.js";
import { periodicJob, type PeriodicJob } from "./periodic.js";

// Telegram redelivers an update it got no answer for within minutes; a day of handled ids keeps every late one ignored.
const KEEP_DONE_MS = 24 * 60 * 60_000;

/** Forgets handled updates once no redelivery of them can come. */
export function createInboxPrune(deps: { db: DB; logger: Logger }): PeriodicJob {
  return periodicJob(
    async () => void (await pruneDone(deps.db, Date.now() - KEEP_DONE_MS)),
    (error) => deps.logger.error({ err: error }, "pruning handled updates failed"),
  );
}
