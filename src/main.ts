import "dotenv/config";
import { startApp } from "./app.js";
import { ConfigError, parseConfig, playgroundEnvironment, playgroundPort, wantsPlayground } from "./config/config.js";
import { createLogger } from "./logger.js";
import { freePort, startPlayground, type Playground } from "./playground/playground-server.js";
import { SecondPollerError, TokenRefusedError } from "./telegram/start-up.js";

// Above Telegram's 20 MiB for bots: a bigger import still reaches the bot, which refuses it in its own words.
const PLAYGROUND_UPLOAD_BYTES = 64 * 1024 * 1024;

/** Reads configuration, or says what is wrong with it and exits. */
function configured<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Without a token (outside production) the bot talks to the built-in emulator, and a page on 127.0.0.1 plays the user. */
async function openPlayground(env: Record<string, string | undefined>): Promise<Playground | undefined> {
  if (!wantsPlayground(env)) return undefined;
  const port = configured(() => playgroundPort(env));
  try {
    return await startPlayground({ port, maxUploadBytes: PLAYGROUND_UPLOAD_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    console.error(
      `linklog cannot start the playground: port ${port} is taken. Set PORT to a free port (PORT=8081 npm start), or BOT_TOKEN to connect to Telegram.`,
    );
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const playground = await openPlayground(process.env);
  const env = playground ? playgroundEnvironment(process.env, playground, await freePort()) : process.env;
  const config = configured(() => parseConfig(env));
  const logger = createLogger(config.LOG_LEVEL, process.stdout, [config.BOT_TOKEN]);
  const app = await startApp({ config, logger });
  if (playground && config.webAppPage) playground.serveMiniApp(config.webAppPage);
  app.failed.catch((error: unknown) => exit(error, "linklog stopped taking updates"));
  if (playground) logger.info(`No BOT_TOKEN: playground at ${playground.url} — set BOT_TOKEN to connect to Telegram`);
  let stopping: Promise<void> | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "stopping");
      stopping ??= app
        .stop()
        .then(() => playground?.stop())
        .then(() => {
          logger.info("stopped");
          process.exit(0);
        });
    });
  }
}

/**
 * Errors of the API client quote the URL, token and all, so this goes through the redacting logger too. It logs
 * whatever LOG_LEVEL says: a bot that stops must say why. A refused token or a second poller is a person's to fix: its words say how.
 */
function exit(error: unknown, what: string): never {
  const logger = createLogger("fatal", process.stderr, [process.env.BOT_TOKEN ?? ""]);
  if (error instanceof TokenRefusedError || error instanceof SecondPollerError) logger.fatal(error.message);
  else logger.fatal({ err: error }, what);
  process.exit(1);
}

main().catch((error: unknown) => exit(error, "linklog failed to start"));
