import { pino } from "pino";
import { startApp, type App } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { testEnvironment } from "./bot-process.js";
import { createLogger } from "../../src/logger.js";
import type { Emulator } from "../../src/emulator/index.js";

/**
 * The real app (database, bot, runner, digest scheduler) in this process, with a clock the test moves.
 * The digest timer is off: the test runs `app.digest.tick()` and awaits it, so "nothing was sent" is a fact.
 */
export async function startInProcess(emulator: Emulator, databasePath: string, clock: () => number, env: Record<string, string> = {}): Promise<App> {
  const config = parseConfig({
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: databasePath,
    RATE_LIMIT_UPDATES: "10000",
    FETCH_HOSTS_ONLY: "true",
    ...env,
  });
  const since = emulator.mark();
  const app = await startApp({ config, logger: pino({ level: "silent" }), clock, startDigestTimer: false });
  await emulator.waitForCall("getUpdates", undefined, { since });
  return app;
}

/** The app of `startAppInProcess`: what a test of a bot process uses of it, without the process. */
export interface InProcessBot {
  app: App;
  /** Every log line the app wrote (through the same redacting logger as src/main.ts), for assertions and failure messages. */
  output(): string;
  /** Stops polling and the timers, lets the updates taken finish, closes the database; a second call does nothing more. */
  stop(): Promise<void>;
}

/**
 * The app as src/main.ts starts it (real clock, digest timer running, the same defaults as `startBot` in
 * bot-process.ts) but in this process: for end-to-end files that test the bot's behaviour, not a process
 * boundary. Resolves once it takes updates, like `startBot`.
 */
export async function startAppInProcess(emulator: Emulator, databasePath: string, env: Record<string, string> = {}): Promise<InProcessBot> {
  const config = parseConfig({ ...testEnvironment(emulator, databasePath), ...env });
  let output = "";
  const logger = createLogger(config.LOG_LEVEL, { write: (line: string) => (output += line) }, [config.BOT_TOKEN]);
  const since = emulator.mark();
  const app = await startApp({ config, logger });
  await emulator.waitForCall(config.WEBHOOK_URL ? "setWebhook" : "getUpdates", undefined, { since, timeoutMs: 15_000 });
  let stopped: Promise<void> | undefined;
  return { app, output: () => output, stop: () => (stopped ??= app.stop()) };
}
