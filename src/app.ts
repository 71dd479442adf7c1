import { run, type RunnerHandle } from "@grammyjs/runner";
import { registerCommands } from "./bot/commands.js";
import { createBot } from "./bot/create-bot.js";
import { sqlitePath, type Config } from "./config/config.js";
import { openDatabase } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { createDigestScheduler, type DigestScheduler } from "./features/digest/scheduler.js";
import { createPageTitleWorker, type PageTitleWorker } from "./features/page-titles/worker.js";
import type { Logger } from "./logger.js";
import { ensureSearchIndex } from "./store/search-index.js";

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;
const SHUTDOWN_GRACE_MS = 10_000;
const PAGE_TITLE_POLL_MS = 1000;

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Tests pass a clock they move; the digest scheduler and the bot read time only through it. */
  clock?: () => number;
  /** Tests drive the scheduler with `digest.tick()` instead of its timer. */
  startDigestTimer?: boolean;
}

export interface App {
  digest: DigestScheduler;
  pageTitles: PageTitleWorker;
  stop(): Promise<void>;
}

/** Opens and migrates the database, starts long polling and the digest scheduler. */
export async function startApp({ config, logger, clock = Date.now, startDigestTimer = true }: AppOptions): Promise<App> {
  const db = openDatabase(sqlitePath(config.DATABASE_URL));
  await migrateToLatest(db);
  await ensureSearchIndex(db);

  const { bot, i18n } = createBot({ config, db, logger, clock });
  await bot.init();
  // Long polling and a webhook exclude each other: a webhook left over from another deployment would block polling.
  await bot.api.deleteWebhook();
  await registerCommands(bot.api, i18n);

  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  const digest = createDigestScheduler({
    db,
    api: bot.api,
    i18n,
    logger,
    clock,
    sendsPerSecond: config.DIGEST_SENDS_PER_SECOND,
    retryBaseMs: 60_000,
  });
  if (startDigestTimer) digest.start(config.DIGEST_TICK_SECONDS * 1000);
  const pageTitles = createPageTitleWorker({ db, api: bot.api, i18n, logger, clock, fetchOptions: { allowPrivateAddresses: config.FETCH_ALLOW_PRIVATE } });
  // The queue is a partial index of pending links: looking every second costs nothing and needs no wiring to capture.
  pageTitles.start(PAGE_TITLE_POLL_MS);
  logger.info({ username: bot.botInfo.username }, "linklog is running (long polling)");

  return {
    digest,
    pageTitles,
    /** Stops fetching and sending, lets the updates already taken finish (bounded), then closes the database. */
    async stop() {
      await Promise.all([runner.stop(), digest.stop(), pageTitles.stop()]);
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      while (runner.size() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await db.destroy();
    },
  };
}
