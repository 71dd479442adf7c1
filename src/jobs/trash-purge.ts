import type { DB } from "../db/connection.js";
import type { Logger } from "../logger.js";
import { purgeDeletedLinks } from "../store/trash.js";
import { periodicJob, type PeriodicJob } from "./periodic.js";

/** How long a deleted link can be brought back with ↩️ Undo; the reply says so. */
export const UNDO_MINUTES = 10;
const BATCH = 500;

/** Drops deleted links once their Undo time is over, a batch at a time until none is due. */
export function createTrashPurge(deps: { db: DB; logger: Logger; clock: () => number }): PeriodicJob {
  async function run(): Promise<void> {
    const before = deps.clock() - UNDO_MINUTES * 60_000;
    while ((await purgeDeletedLinks(deps.db, before, BATCH)) === BATCH);
  }
  return periodicJob(run, (error) => deps.logger.error({ err: error }, "purging deleted links failed"));
}
