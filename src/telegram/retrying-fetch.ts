export interface RetryingFetchOptions {
  /** What carries each attempt (`telegramTransport`). */
  fetch: typeof fetch;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Longer flood waits are handed up to auto-retry instead of blocking here. */
  maxRetryAfterSeconds?: number;
  baseDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
}

function abortableSleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

async function retryAfterSeconds(response: Response): Promise<number | undefined> {
  try {
    const body = (await response.clone().json()) as { parameters?: { retry_after?: unknown } };
    return typeof body.parameters?.retry_after === "number" ? body.parameters.retry_after : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fetch for grammY's API client that retries short transient failures (429 with a short retry_after,
 * 5xx, dropped connections). It sits below every API transformer, so it also covers calls made inside
 * conversations, where the plugin records each call once and auto-retry installed as a conversation
 * plugin would sleep again on every replay. Bodies that are streams (file uploads) are not retried.
 */
export function createRetryingFetch(options: RetryingFetchOptions): typeof fetch {
  const { fetch: inner, maxRetries = 3, maxRetryAfterSeconds = 10, baseDelayMs = 300, sleep = abortableSleep } = options;
  return async (input, init) => {
    const replayable = init?.body === undefined || init.body === null || typeof init.body === "string";
    for (let attempt = 0; ; attempt++) {
      const canRetry = replayable && attempt < maxRetries;
      const backoff = baseDelayMs * 2 ** attempt;
      let response: Response;
      try {
        response = await inner(input, init);
      } catch (error) {
        if (!canRetry || init?.signal?.aborted) throw error;
        await sleep(backoff, init?.signal);
        continue;
      }
      if (canRetry && response.status === 429) {
        const wait = await retryAfterSeconds(response);
        if (wait !== undefined && wait <= maxRetryAfterSeconds) {
          await sleep(wait * 1000, init?.signal);
          continue;
        }
      }
      if (canRetry && response.status >= 500) {
        await sleep(backoff, init?.signal);
        continue;
      }
      return response;
    }
  };
}
