import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    // The token is part of every Bot API URL; never let it reach a log line.
    redact: { paths: ["token", "*.token", "config.BOT_TOKEN"], censor: "[redacted]" },
  });
}
