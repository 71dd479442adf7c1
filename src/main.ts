import "dotenv/config";
import { startApp } from "./app.js";
import { ConfigError, parseConfig, type Config } from "./config/config.js";
import { createLogger } from "./logger.js";
import { TokenRefusedError } from "./telegram/start-up.js";

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
  app.failed.catch((error: unknown) => exit(error, "linklog stopped taking updates"));
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

/**
 * Errors of the API client quote the URL, token and all, so this goes through the redacting logger too. It logs
 * whatever LOG_LEVEL says: a bot that stops must say why. A refused token is a person's to fix: its words say how.
 */
function exit(error: unknown, what: string): never {
  const logger = createLogger("fatal", process.stderr, [process.env.BOT_TOKEN ?? ""]);
  if (error instanceof TokenRefusedError) logger.fatal(error.message);
  else logger.fatal({ err: error }, what);
  process.exit(1);
}

main().catch((error: unknown) => exit(error, "linklog failed to start"));
