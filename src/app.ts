import { registerBotProfile } from "./telegram/commands.js";
import { registerMenuButton } from "./telegram/menu-button.js";
import { createBot } from "./bot/create-bot.js";
import type { Config } from "./config/config.js";
import { describeDatabase, openDatabase, type DB } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { createDigestScheduler, type DigestScheduler } from "./jobs/digest-scheduler.js";
import { createPageTitleWorker, type PageTitleWorker } from "./jobs/page-titles/worker.js";
import { hostsOnlyLookup, hostsOnlyResolver } from "./fetch/hosts-resolver.js";
import { startInboxDispatcher } from "./jobs/inbox-dispatcher.js";
import { createInboxPrune } from "./jobs/inbox-prune.js";
import { createQuestionExpiry } from "./jobs/question-expiry.js";
import { createTrashPurge } from "./jobs/trash-purge.js";
import type { PeriodicJob } from "./jobs/periodic.js";
import type { Logger } from "./logger.js";
import { createMiniAppHandler } from "./miniapp/handler.js";
import { checkHealth } from "./server/health.js";
import { startHttpServer } from "./server/http-server.js";
import { ensureSearchIndex } from "./store/search-index.js";
import { ensureUrlKeys } from "./store/url-keys.js";
import { receiveByPolling, receiveByWebhook } from "./server/updates.js";
import { asPollingStop, identifyBot, startUpApi } from "./telegram/start-up.js";
import { keepTrying } from "./telegram/unreachable.js";

const DEFAULT_WEBHOOK_PORT = 8080;
// How long a stop waits for the updates being handled; a longer one is handled again after a restart.
const SHUTDOWN_GRACE_MS = 10_000;
const PAGE_TITLE_POLL_MS = 1000;
// Closing an expired question is one indexed look-up; a second's delay is as good as on the dot.
const QUESTION_EXPIRY_POLL_MS = 1000;
// A deleted link may outlive its Undo time by this much: nobody sees it meanwhile.
const TRASH_PURGE_POLL_MS = 60_000;
// Handled updates are kept a day; an hour more or less before they go changes nothing.
const INBOX_PRUNE_POLL_MS = 60 * 60_000;

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Tests pass a clock they move; the digest scheduler and the bot read time only through it. */
  clock?: () => number;
  /** Tests drive the scheduler with `digest.tick()` instead of its timer. */
  startDigestTimer?: boolean;
  /** The waits between tries to reach Telegram (`RETRY_DELAYS_MS`); tests make them short. */
  retryDelaysMs?: readonly number[];
  /** Stops trying to reach Telegram at start-up: `startApp` then rejects, with the database closed. */
  signal?: AbortSignal;
  /** The Mini App's built page; dist/miniapp/ by default. */
  miniAppPageDirectory?: string;
}

export interface App {
  digest: DigestScheduler;
  pageTitles: PageTitleWorker;
  /** Drops deleted links whose Undo time is over; tests run `tick()` after moving their clock. */
  trashPurge: PeriodicJob;
  /** Rejects when the bot stops taking updates on its own (a `TokenRefusedError` when Telegram refused the token, a `SecondPollerError` when another process polls). */
  failed: Promise<never>;
  /** The port the HTTP server listens on (PORT 0 picks one), when it runs: webhook mode or WEB_APP_URL set. */
  port: number | undefined;
  stop(): Promise<void>;
}

async function openMigratedDatabase(config: Config, logger: Logger): Promise<DB> {
  const db = openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  const { results = [] } = await migrateToLatest(db);
  await ensureUrlKeys(db);
  await ensureSearchIndex(db);
  logger.info({ database: describeDatabase(config.DATABASE_URL), migrations: results.length }, "database opened and migrated");
  return db;
}

interface Arrivals {
  /** A getUpdates succeeded, or a webhook post brought a new update: updates are arriving. */
  onFetched: () => void;
  /** New updates are in the inbox. */
  onStored: () => void;
}

/** Who the bot is, its command menu, and the way updates arrive: each call waits out network trouble, and says so. */
async function connect(db: DB, { config, logger, clock, retryDelaysMs, signal }: AppOptions, { onFetched, onStored }: Arrivals) {
  const apiRoot = config.TELEGRAM_API_ROOT;
  logger.info({ api_root: apiRoot }, "connecting to Telegram");
  // Test runs (FETCH_HOSTS_ONLY) reach the Telegram API root, like pages, without asking DNS.
  const lookup = config.FETCH_HOSTS_ONLY ? hostsOnlyLookup() : undefined;
  const patience = (giveUp?: AbortSignal) => keepTrying({ logger, apiRoot, delaysMs: retryDelaysMs, signal: giveUp });
  const setUp = startUpApi(config.BOT_TOKEN, { apiRoot, lookup, patience: patience(signal) });
  const botInfo = await identifyBot(setUp);
  const created = createBot({ config, db, logger, clock, botInfo, lookup });
  await registerBotProfile(setUp, created.i18n);
  await registerMenuButton(setUp, created.i18n, config.webAppPage);
  const receiving = config.receiving;
  const updates =
    receiving.mode === "webhook"
      ? await receiveByWebhook(setUp, db, receiving, () => (onFetched(), onStored()))
      : await receiveByPolling(created.bot, { db, logger, setUp, patience: patience(), onFetched, onStored });
  return { ...created, updates };
}

function miniAppHandler(db: DB, { config, logger, clock, miniAppPageDirectory }: AppOptions) {
  return createMiniAppHandler({
    db,
    logger,
    botToken: config.BOT_TOKEN,
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    ...(config.ALLOWED_USER_IDS ? { allowedUserIds: config.ALLOWED_USER_IDS } : {}),
    ...(clock ? { clock } : {}),
    ...(miniAppPageDirectory ? { pageDirectory: miniAppPageDirectory } : {}),
  });
}

/** Opens and migrates the database, reaches Telegram (for as long as that takes), starts taking updates and the jobs. */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger, clock = Date.now, startDigestTimer = true } = options;
  const db = await openMigratedDatabase(config, logger);
  let lastUpdateAt: number | undefined;
  let wakeDispatcher = () => {};
  const arrivals = { onFetched: () => void (lastUpdateAt = Date.now()), onStored: () => wakeDispatcher() };
  const { bot, i18n, questions, updates } = await connect(db, options, arrivals).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  // Updates stored before it starts (and those of a process that died) wait in the inbox for its first look.
  const dispatcher = startInboxDispatcher({
    db,
    logger,
    handle: (update) => bot.handleUpdate(update),
    leaseMs: config.INBOX_LEASE_SECONDS * 1000,
    graceMs: SHUTDOWN_GRACE_MS,
  });
  wakeDispatcher = dispatcher.wake;
  const inboxPrune = createInboxPrune({ db, logger });
  inboxPrune.start(INBOX_PRUNE_POLL_MS, { runNow: true });

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
  const trashPurge = createTrashPurge({ db, logger, clock });
  trashPurge.start(TRASH_PURGE_POLL_MS, { runNow: true });
  const health = () =>
    checkHealth(
      {
        db,
        lastUpdateAt: () => lastUpdateAt,
        expectsRecentUpdates: config.receiving.mode === "polling",
        schedulerRanAt: () => digest.lastRunAt(),
        schedulerIntervalMs: config.DIGEST_TICK_SECONDS * 1000,
      },
      Date.now(),
    );
  const webhook = updates.webhook;
  const miniApp = config.webAppPage ? miniAppHandler(db, options) : undefined;
  // The Mini App needs the port in polling mode too: its page and API are served by this process.
  const port = config.PORT ?? (webhook || miniApp ? DEFAULT_WEBHOOK_PORT : undefined);
  const requestTimeoutMs = config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000;
  const server =
    port === undefined
      ? undefined
      : await startHttpServer({ port, health, requestTimeoutMs, ...(webhook ? { webhook } : {}), ...(miniApp ? { miniApp } : {}) });
  const address = server?.address();
  const boundPort = address && typeof address === "object" ? address.port : undefined;
  const mode = webhook ? "webhook" : "long polling";
  logger.info({ username: bot.botInfo.username, mode, port: boundPort ?? null }, `running as @${bot.botInfo.username} in ${mode} mode`);

  return {
    digest,
    pageTitles,
    trashPurge,
    port: boundPort,
    failed: updates.failed.catch((error: unknown) => {
      throw asPollingStop(error);
    }),
    /** Stops receiving and sending, lets the updates being handled finish (bounded), then closes the database. */
    async stop() {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await Promise.all([updates.stop(), dispatcher.stop(), digest.stop(), pageTitles.stop(), expiry.stop(), trashPurge.stop(), inboxPrune.stop()]);
      await db.destroy();
    },
  };
}
