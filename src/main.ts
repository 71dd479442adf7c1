import "dotenv/config";
import { startApp } from "./app.js";
import { ConfigError, parseConfig, type Config } from "./config/config.js";
import { createLogger } from "./logger.js";

function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, process.stdout, [config.BOT_TOKEN]);
  const app = await startApp({ config, logger });
  let stopping: Promise<void> | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "stopping");
      stopping ??= app.stop().then(() => {
        logger.info("stopped");
        process.exit(0);
      });
    });
  }
}

main().catch((error: unknown) => {
  // Errors of the API client quote the URL, token and all, so this goes through the redacting logger too. It
  // logs whatever LOG_LEVEL says: a bot that does not start must say why.
  createLogger("fatal", process.stderr, [process.env.BOT_TOKEN ?? ""]).fatal({ err: error }, "linklog failed to start");
  process.exit(1);
});
