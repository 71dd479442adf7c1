import { z } from "zod";
import { isTimeZone } from "../time/local-date.js";

const DEFAULT_API_ROOT = "https://api.telegram.org";
const REQUEST_TIMEOUT_RANGE = "HTTP_REQUEST_TIMEOUT_SECONDS must be a number of seconds from 0.1 to 300 (default 10)";

const PORT_RANGE = "PORT must be a port number from 1 to 65535";
const POOL_RANGE = "DATABASE_POOL_SIZE must be a whole number of connections from 1 to 1000 (default 10)";
const STATEMENT_TIMEOUT_RANGE = "DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds, 0 for no limit (default 30000)";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Where the database lives when DATABASE_URL is not set, for the bot and the command-line tools alike. */
export const DEFAULT_DATABASE_URL = "./data/linklog.db";
/** The playground's own database, so that trying linklog never writes into a real one. */
export const PLAYGROUND_DATABASE_URL = "./data/playground.db";
const DEFAULT_PLAYGROUND_PORT = 8080;

/** No token and not a production deployment: a newcomer trying linklog, who gets the playground instead of an error. */
export function wantsPlayground(env: Record<string, string | undefined>): boolean {
  return !env.BOT_TOKEN?.trim() && env.NODE_ENV !== "production";
}

/**
 * The environment the bot runs with in the playground: the emulator's token and address, the playground's database,
 * no webhook, and no allow-list that would refuse its one simulated user. Its HTTP port serves the Mini App alone,
 * on this machine (the playground's own port serves the chat page and the emulator).
 */
export function playgroundEnvironment(
  env: Record<string, string | undefined>,
  playground: { url: string; token: string },
  miniAppPort: number,
): Record<string, string | undefined> {
  return {
    ...env,
    BOT_TOKEN: playground.token,
    TELEGRAM_API_ROOT: playground.url,
    DATABASE_URL: env.PLAYGROUND_DATABASE_URL || PLAYGROUND_DATABASE_URL,
    WEBHOOK_URL: undefined,
    WEBHOOK_SECRET: undefined,
    PORT: String(miniAppPort),
    WEB_APP_URL: `http://127.0.0.1:${miniAppPort}`,
    ALLOWED_USER_IDS: undefined,
  };
}

const configSchema = z.object({
  BOT_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string({
        error: "BOT_TOKEN is missing. Open Telegram, talk to @BotFather, send /newbot, and put the token it gives you in .env as BOT_TOKEN=…",
      })
      .regex(/^\d+:[\w-]+$/, "BOT_TOKEN does not look like a bot token (expected digits, a colon, then letters: 123456:ABC-…). Copy it again from @BotFather."),
  ),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_DATABASE_URL)),
  TELEGRAM_API_ROOT: z.preprocess(
    emptyAsUndefined,
    z.url({ message: "TELEGRAM_API_ROOT must be a URL such as https://api.telegram.org" }).default(DEFAULT_API_ROOT),
  ),
  DEFAULT_TIMEZONE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default("UTC")
      .refine(isTimeZone, {
        error: (issue) => `DEFAULT_TIMEZONE "${String(issue.input)}" is not an IANA time zone name (examples: UTC, Europe/Berlin, Asia/Shanghai)`,
      }),
  ),
  ALLOWED_USER_IDS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "ALLOWED_USER_IDS must be a comma-separated list of numeric Telegram user ids, e.g. 12345,67890")
      .transform((list) => new Set(list.split(",").map((id) => Number(id.trim()))))
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  TAG_QUESTION_TIMEOUT_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(60)),
  // First back-off when a Bot API call fails for a passing reason; doubles per retry.
  TELEGRAM_RETRY_BASE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(300)),
  // Telegram lets bots download files up to 20 MiB; a self-hosted Bot API server allows more.
  IMPORT_MAX_BYTES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 * 1024),
  ),
  // Links read from one file at most: each costs memory several times over before it is stored, and a file of
  // minimal lines holds millions. The preview says when a file holds more and only the first are imported.
  IMPORT_MAX_LINKS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(1_000_000)),
  // Test-only: lets the page fetcher reach 127.0.0.1 and private networks, which it must never do in production.
  FETCH_ALLOW_PRIVATE: z.preprocess(
    emptyAsUndefined,
    z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
  ),
  // Test-only: the page fetcher and the Telegram client resolve names from /etc/hosts alone, so tests ask no DNS.
  FETCH_HOSTS_ONLY: z.preprocess(
    emptyAsUndefined,
    z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
  ),
  // Updates one user may send in ten seconds before the rest are dropped (an album is one update per photo).
  RATE_LIMIT_UPDATES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
  // How long an update being handled stays this process's without a renewal (every third of it): after a crash,
  // another process or the restarted one handles the update again once this has passed.
  INBOX_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(3600).default(30)),
  // Webhook mode when set: Telegram posts updates to this public HTTPS URL, served on PORT.
  WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.url({ message: "WEBHOOK_URL must be the public https URL Telegram posts updates to" }).optional()),
  WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's secret_token rules)")
      .optional(),
  ),
  // The public HTTPS address of PORT behind the owner's reverse proxy: the Mini App is served at its /app/ path, and
  // the menu button, /start, /unread and /stats open it. Plain http only for this machine's own addresses (tests).
  WEB_APP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ message: "WEB_APP_URL must be the public https address of the bot's PORT, such as https://linklog.example.org" })
      .refine(isWebAppAddress, "WEB_APP_URL must be an https address (Telegram opens Mini Apps over https only)")
      .optional(),
  ),
  // The HTTP port for the webhook (default 8080 in that mode) and /healthz; without it, polling mode serves no HTTP.
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number({ error: PORT_RANGE }).int(PORT_RANGE).min(1, PORT_RANGE).max(65535, PORT_RANGE).optional()),
  // Time a client has to send a whole HTTP request; Telegram sends an update in far less, a slow sender is cut.
  HTTP_REQUEST_TIMEOUT_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: REQUEST_TIMEOUT_RANGE }).min(0.1, REQUEST_TIMEOUT_RANGE).max(300, REQUEST_TIMEOUT_RANGE).default(10),
  ),
  // PostgreSQL only: connections each process keeps open at most (default 10), and how long one statement may run
  // in milliseconds (default 30000, 0 for no limit).
  DATABASE_POOL_SIZE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: POOL_RANGE }).int(POOL_RANGE).min(1, POOL_RANGE).max(1000, POOL_RANGE).optional(),
  ),
  DATABASE_STATEMENT_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: STATEMENT_TIMEOUT_RANGE }).int(STATEMENT_TIMEOUT_RANGE).min(0, STATEMENT_TIMEOUT_RANGE).optional(),
  ),
  DIGEST_TICK_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(60).default(30)),
  // Telegram allows a bot about 30 messages a second; the cap is higher so a test against the Bot API emulator
  // can run a digest of a hundred users in well under a second (tests/e2e/digest-kill.test.ts).
  DIGEST_SENDS_PER_SECOND: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(1000).default(28)),
});

function isWebAppAddress(text: string): boolean {
  const url = new URL(text);
  return url.protocol === "https:" || (url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname));
}

/** How updates arrive: long polling, or a webhook with the secret Telegram sends back with every update. */
export type Receiving = { mode: "polling" } | { mode: "webhook"; url: string; secret: string };

const checkedSchema = configSchema
  .superRefine((config, ctx) => {
    if (config.WEBHOOK_URL && !config.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        message: "WEBHOOK_SECRET is required with WEBHOOK_URL, so that only Telegram can post updates (16+ characters of A-Z, a-z, 0-9, _ and -)",
      });
    }
  })
  .transform((config) => {
    const receiving: Receiving =
      config.WEBHOOK_URL && config.WEBHOOK_SECRET ? { mode: "webhook", url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET } : { mode: "polling" };
    // The page's own address: WEB_APP_URL's /app/ (a path in WEB_APP_URL is kept: a proxy may serve the bot below one).
    const webAppPage = config.WEB_APP_URL ? new URL("app/", config.WEB_APP_URL.replace(/\/?$/, "/")).href : undefined;
    return { ...config, receiving, webAppPage };
  });

export type Config = z.infer<typeof checkedSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`linklog cannot start, the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once; every problem is reported at the same time so a user fixes them in one go. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = checkedSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => issue.message));
}

/** `sqlite:` URLs and plain paths both name a SQLite file. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^sqlite:(\/\/)?/, "");
}

/** The playground's page and emulator listen on PORT too (0 picks a free port, which the log line then names). */
export function playgroundPort(env: Record<string, string | undefined>): number {
  const raw = env.PORT?.trim();
  if (!raw) return DEFAULT_PLAYGROUND_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError([`PORT must be a port number from 0 to 65535 (the playground's page; default ${DEFAULT_PLAYGROUND_PORT})`]);
  }
  return port;
}
