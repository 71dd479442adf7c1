import { STATUS_CODES } from "node:http";
import type { LookupFunction } from "node:net";
import type { UserFromGetMe } from "@grammyjs/types";
import { Api, GrammyError, type Transformer } from "grammy";
import { telegramTransport } from "./transport.js";

// Telegram answers getMe in well under a second; a network that drops packets would otherwise take the system's
// minutes to fail.
const START_UP_TIMEOUT_MS = 10_000;

/** Telegram does not know the bot token: no retry will change that, a person must. */
export class TokenRefusedError extends Error {
  override name = "TokenRefusedError";
  constructor(readonly status: number) {
    super(
      `Telegram refused BOT_TOKEN (${status} ${STATUS_CODES[status]}): the token is wrong or was revoked. ` +
        "Open Telegram, talk to @BotFather, send /token (or /newbot), and put the token in .env as BOT_TOKEN=…",
    );
  }
}

/** A Bot API error as a TokenRefusedError when it is that (401, or 404 for a token no bot has); other errors unchanged. */
export function asTokenRefusal(error: unknown): unknown {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404) ? new TokenRefusedError(error.error_code) : error;
}

/** Telegram ended this bot's long poll for a newer one (409 Conflict): another process takes its updates. */
export class SecondPollerError extends Error {
  override name = "SecondPollerError";
  constructor() {
    super(
      "Another program is taking this bot's updates with the same BOT_TOKEN (Telegram answered 409 Conflict: it serves one getUpdates at a time). " +
        "Stop the other one, or run every instance in webhook mode behind one WEBHOOK_URL (README: Running several instances on PostgreSQL).",
    );
  }
}

/** Why polling ended, in words a person can act on when they are that (a refused token, a second poller). */
export function asPollingStop(error: unknown): unknown {
  return error instanceof GrammyError && error.error_code === 409 ? new SecondPollerError() : asTokenRefusal(error);
}

export interface StartUpApiOptions {
  apiRoot: string;
  lookup?: LookupFunction | undefined;
  /** Waits out and reports network trouble (`keepTrying`). */
  patience: Transformer;
}

/**
 * The client for the calls that start the bot (getMe, deleteWebhook or setWebhook, setMyCommands). Unlike the bot's
 * own client it has no silent retries below `patience`, so the first failure is reported at once, and a time-out.
 */
export function startUpApi(token: string, { apiRoot, lookup, patience }: StartUpApiOptions): Api {
  const api = new Api(token, { apiRoot, fetch: telegramTransport({ apiRoot, lookup, timeoutMs: START_UP_TIMEOUT_MS }) });
  api.config.use(patience);
  return api;
}

/** getMe: who the bot is, or a TokenRefusedError. */
export async function identifyBot(api: Api): Promise<UserFromGetMe> {
  try {
    return await api.getMe();
  } catch (error) {
    throw asTokenRefusal(error);
  }
}
