import { pino, type Logger } from "pino";

export type { Logger };

/** Where log lines go: anything with pino's `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
}

// Every Bot API URL carries the token ("/bot123:abc/…"). The HTTP client quotes the URL in its errors, and
// grammY keeps those as the cause of the error it throws, so lines are cleaned on their way out, whatever
// field and however deep the URL sits.
const TOKEN_IN_URL = /\/bot\d+:[\w-]+/g;

/** `secrets` (the bot token) are also cut out wherever they appear in a line, in a URL or not. */
export function createLogger(level: string, destination: LogDestination = process.stdout, secrets: readonly string[] = []): Logger {
  const known = secrets.filter((secret) => secret.length > 0);
  const clean = (line: string) => known.reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line.replace(TOKEN_IN_URL, "/bot[redacted]"));
  return pino(
    {
      level,
      // A token given as a field (the config, say) is redacted by name.
      redact: { paths: ["token", "*.token", "config.BOT_TOKEN"], censor: "[redacted]" },
    },
    { write: (line: string) => destination.write(clean(line)) },
  );
}
