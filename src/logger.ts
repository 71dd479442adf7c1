import { pino, type Logger } from "pino";

export type { Logger };

/** Where log lines go: anything with pino's `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
  /** A terminal gets lines for people; anything else (a pipe, a file, a test) pino's JSON lines, for programs. */
  isTTY?: boolean;
}

const LEVEL_NAMES: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

interface LoggedError {
  message?: string;
  stack?: string;
  error?: LoggedError;
  cause?: LoggedError;
}

/** The stack, then what caused it (grammY keeps the transport's error as `error`), indented under the line. */
function errorLines(err: LoggedError): string {
  const lines = [err.stack ?? err.message ?? ""];
  for (let cause = err.error ?? err.cause; cause; cause = cause.error ?? cause.cause) lines.push(`caused by: ${cause.message ?? ""}`);
  return lines.join("\n").replace(/^/gm, "    ");
}

/** A pino line as a person reads it: `07:30:12 INFO  database opened and migrated  path=data/linklog.db migrations=13`. */
export function readableLine(json: string): string {
  const { level, time, msg, err, pid: _pid, hostname: _hostname, ...fields } = JSON.parse(json) as Record<string, unknown>;
  const clock = new Date(Number(time)).toTimeString().slice(0, 8);
  const head = `${clock} ${(LEVEL_NAMES[Number(level)] ?? String(level)).padEnd(5)} ${String(msg ?? "")}`;
  // Quoted when it has spaces, so that `mode="long polling"` reads as one value.
  const pairs = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === "string" && !/\s/.test(value) ? value : JSON.stringify(value)}`);
  const line = pairs.length > 0 ? `${head}  ${pairs.join(" ")}` : head;
  return `${err ? `${line}\n${errorLines(err as LoggedError)}` : line}\n`;
}

// Every Bot API URL carries the token ("/bot123:abc/…"). The HTTP client quotes the URL in its errors, and
// grammY keeps those as the cause of the error it throws, so lines are cleaned on their way out, whatever
// field and however deep the URL sits.
const TOKEN_IN_URL = /\/bot\d+:[\w-]+/g;

/** `secrets` (the bot token) are also cut out wherever they appear in a line, in a URL or not, JSON or readable. */
export function createLogger(level: string, destination: LogDestination = process.stdout, secrets: readonly string[] = []): Logger {
  const known = secrets.filter((secret) => secret.length > 0);
  const clean = (line: string) => known.reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line.replace(TOKEN_IN_URL, "/bot[redacted]"));
  return pino(
    {
      level,
      // A token given as a field (the config, say) is redacted by name.
      redact: { paths: ["token", "*.token", "config.BOT_TOKEN"], censor: "[redacted]" },
    },
    { write: (line: string) => destination.write(clean(destination.isTTY ? readableLine(line) : line)) },
  );
}
