import "dotenv/config";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { createBot } from "./bot/create-bot.js";
import { registerCommands } from "./bot/commands.js";
import { ConfigError, parseConfig, sqlitePath, type Config } from "./config/config.js";
import { openDatabase, type DB } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { createLogger, type Logger } from "./logger.js";

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;
const SHUTDOWN_GRACE_MS = 10_000;

function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Stops fetching, lets the updates already taken finish (bounded), then closes the database. */
async function shutdown(runner: RunnerHandle, db: DB, logger: Logger, signal: string): Promise<void> {
  logger.info({ signal }, "stopping");
  await runner.stop();
  const deadline = Date.now() + SHUTDOWN_GRACE_MS;
  while (runner.size() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await db.destroy();
  logger.info("stopped");
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = openDatabase(sqlitePath(config.DATABASE_URL));
  await migrateToLatest(db);

  const { bot, i18n } = createBot({ config, db, logger });
  await bot.init();
  // Long polling and a webhook exclude each other: a webhook left over from another deployment would block polling.
  await bot.api.deleteWebhook();
  await registerCommands(bot.api, i18n);

  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  logger.info({ username: bot.botInfo.username }, "linklog is running (long polling)");

  let stopping: Promise<void> | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping ??= shutdown(runner, db, logger, signal).then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error("linklog failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
