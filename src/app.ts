import { registerCommands } from "./telegram/commands.js";
import { createBot } from "./bot/create-bot.js";
import { sqlitePath, type Config } from "./config/config.js";
import { openDatabase } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { createDigestScheduler, type DigestScheduler } from "./jobs/digest-scheduler.js";
import { createPageTitleWorker, type PageTitleWorker } from "./jobs/page-titles/worker.js";
import { hostsOnlyResolver } from "./fetch/hosts-resolver.js";
import { createQuestionExpiry } from "./jobs/question-expiry.js";
import type { Logger } from "./logger.js";
import { checkHealth } from "./server/health.js";
import { startHttpServer } from "./server/http-server.js";
import { ensureSearchIndex } from "./store/search-index.js";
import { ensureUrlKeys } from "./store/url-keys.js";
import { receiveByPolling, receiveByWebhook } from "./server/updates.js";

const DEFAULT_WEBHOOK_PORT = 8080;
const PAGE_TITLE_POLL_MS = 1000;
// Closing an expired question is one indexed look-up; a second's delay is as good as on the dot.
const QUESTION_EXPIRY_POLL_MS = 1000;

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
  await ensureUrlKeys(db);
  await ensureSearchIndex(db);

  const { bot, i18n, questions } = createBot({ config, db, logger, clock });
  await bot.init();
  await registerCommands(bot.api, i18n);
  let lastUpdateAt: number | undefined;
  const arrived = () => (lastUpdateAt = Date.now());
  const receiving = config.receiving;
  const updates = receiving.mode === "webhook" ? await receiveByWebhook(bot, receiving, arrived) : await receiveByPolling(bot, arrived);

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
  const pageTitles = createPageTitleWorker({
    db,
    api: bot.api,
    i18n,
    logger,
    clock,
    fetchOptions: { allowPrivateAddresses: config.FETCH_ALLOW_PRIVATE, ...(config.FETCH_HOSTS_ONLY ? { resolve: hostsOnlyResolver() } : {}) },
    redraws: questions.redraws,
    questionTimeoutMs: questions.timeoutMs,
  });
  // The queue is a partial index of pending links: looking every second costs nothing and needs no wiring to capture.
  pageTitles.start(PAGE_TITLE_POLL_MS);
  const expiry = createQuestionExpiry({ db, api: bot.api, i18n, logger, clock, ...questions });
  expiry.start(QUESTION_EXPIRY_POLL_MS);
  const health = () =>
    checkHealth(
      {
        db,
        lastUpdateAt: () => lastUpdateAt,
        expectsRecentUpdates: receiving.mode === "polling",
        schedulerRanAt: () => digest.lastRunAt(),
        schedulerIntervalMs: config.DIGEST_TICK_SECONDS * 1000,
      },
      Date.now(),
    );
  const webhook = updates.webhook;
  const port = config.PORT ?? (webhook ? DEFAULT_WEBHOOK_PORT : undefined);
  const requestTimeoutMs = config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000;
  const server = port === undefined ? undefined : await startHttpServer({ port, health, requestTimeoutMs, ...(webhook ? { webhook } : {}) });
  logger.info({ username: bot.botInfo.username, mode: webhook ? "webhook" : "long polling", port: port ?? null }, "linklog is running");

  return {
    digest,
    pageTitles,
    /** Stops fetching and sending, lets the updates already taken finish (bounded), then closes the database. */
    async stop() {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await Promise.all([updates.stop(), digest.stop(), pageTitles.stop(), expiry.stop()]);
      await db.destroy();
    },
  };
}
