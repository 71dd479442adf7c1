import { pino } from "pino";
import { startApp, type App } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import type { Emulator } from "./emulator/index.js";

/**
 * The real app (database, bot, runner, digest scheduler) in this process, with a clock the test moves.
 * The digest timer is off: the test runs `app.digest.tick()` and awaits it, so "nothing was sent" is a fact.
 */
export async function startInProcess(emulator: Emulator, databasePath: string, clock: () => number, env: Record<string, string> = {}): Promise<App> {
  const config = parseConfig({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: databasePath, RATE_LIMIT_UPDATES: "10000", FETCH_HOSTS_ONLY: "true", ...env });
  const since = emulator.mark();
  const app = await startApp({ config, logger: pino({ level: "silent" }), clock, startDigestTimer: false });
  await emulator.waitForCall("getUpdates", undefined, { since });
  return app;
}
