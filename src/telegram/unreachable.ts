import { STATUS_CODES } from "node:http";
import type { ApiError } from "@grammyjs/types";
import type { Transformer } from "grammy";
import type { Logger } from "../logger.js";

/** 1, 2, 4 … 32 s, then once a minute: quick while a network comes up, and still trying after an outage of hours. */
export const RETRY_DELAYS_MS: readonly number[] = [1, 2, 4, 8, 16, 32, 60].map((seconds) => seconds * 1000);

/** The wait before retry number `attempt` (from 0); past the end of `delaysMs`, its last delay again. */
export function retryDelayMs(attempt: number, delaysMs: readonly number[] = RETRY_DELAYS_MS): number {
  return delaysMs[Math.min(attempt, delaysMs.length - 1)]!;
}

/** "HTTP 502 Bad Gateway" */
export function httpReason(status: number): string {
  return `HTTP ${status} ${STATUS_CODES[status] ?? ""}`.trimEnd();
}

// Node's system error codes (ENOTFOUND, EAI_AGAIN, ECONNREFUSED, ECONNRESET, ETIMEDOUT…), not its ERR_* codes, which
// report a mistake in the program rather than in the network; but an answer cut off half-way is the network's.
const SYSTEM_ERROR_CODE = /^(E(?!RR_)[A-Z0-9_]+|ERR_STREAM_PREMATURE_CLOSE)$/;
// grammY's own time-out (`timeoutSeconds`, 500 s by default: a long poll on a connection that died) is a plain Error;
// its words are all there is to know it by. tests/telegram/unreachable.test.ts holds grammY to them.
const GRAMMY_TIME_OUT = /^Request to '\w+' timed out after/;

/**
 * Why a call got no answer from Telegram: the system error code, or the status of a server error that had no Bot API
 * body. grammY keeps the transport's error as `error`, Node's fetch as `cause`, so the chain is searched. Undefined
 * when the error is something else, which waiting would not cure.
 */
export function unreachableReason(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, status, message, error: inner, cause } = current as { code?: unknown; status?: unknown; message?: unknown; error?: unknown; cause?: unknown };
    if (typeof code === "string" && SYSTEM_ERROR_CODE.test(code)) return code;
    if (typeof status === "number" && status >= 500) return httpReason(status);
    if (typeof message === "string" && GRAMMY_TIME_OUT.test(message)) return "ETIMEDOUT";
    current = inner ?? cause;
  }
  return undefined;
}

/** A Bot API answer that says "come back later": a server error, or flood control with the wait it asks for. */
function answerToWaitOut(answer: ApiError): { reason: string; waitMs: number } | undefined {
  if (answer.error_code < 500 && answer.error_code !== 429) return undefined;
  return { reason: httpReason(answer.error_code), waitMs: (answer.parameters?.retry_after ?? 0) * 1000 };
}

export interface KeepTryingOptions {
  logger: Logger;
  /** Named in the log lines: where the bot is trying to get to (never a URL with the token). */
  apiRoot: string;
  delaysMs?: readonly number[];
  /** Gives up waiting, for calls made without a signal of their own (the start-up calls): the call then fails. */
  signal?: AbortSignal;
}

/** What Node's AbortSignal and the polyfill grammY and the runner make theirs with have in common. */
interface Abortable {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

function pause(ms: number, signal: Abortable | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("stopped waiting for Telegram"));
    const stop = () => (clearTimeout(timer), reject(new Error("stopped waiting for Telegram")));
    const timer = setTimeout(() => (signal?.removeEventListener("abort", stop), resolve()), ms);
    signal?.addEventListener("abort", stop);
  });
}

/**
 * An API transformer that waits out network trouble, server errors and flood control for as long as it lasts, and
 * says so before every wait (`cannot reach https://api.telegram.org: ENOTFOUND; retrying in 8 s`), so a bot without
 * a network is not silent. Refusals (401, 404, 400…) are answers and pass through at once.
 */
export function keepTrying({ logger, apiRoot, delaysMs = RETRY_DELAYS_MS, signal: giveUp }: KeepTryingOptions): Transformer {
  return async (prev, method, payload, callSignal) => {
    const signal: Abortable | undefined = callSignal ?? giveUp;
    for (let attempt = 0; ; attempt++) {
      let trouble: { reason: string; waitMs: number } | undefined;
      try {
        const answer = await prev(method, payload, callSignal);
        trouble = answer.ok ? undefined : answerToWaitOut(answer);
        if (!trouble) {
          if (attempt > 0) logger.info({ method }, `reached ${apiRoot}`);
          return answer;
        }
      } catch (error) {
        const reason = signal?.aborted ? undefined : unreachableReason(error);
        if (reason === undefined) throw error;
        trouble = { reason, waitMs: 0 };
      }
      const delayMs = Math.max(retryDelayMs(attempt, delaysMs), trouble.waitMs);
      logger.warn({ method }, `cannot reach ${apiRoot}: ${trouble.reason}; retrying in ${delayMs / 1000} s`);
      await pause(delayMs, signal);
    }
  };
}
