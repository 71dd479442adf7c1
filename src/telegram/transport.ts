import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { LookupFunction } from "node:net";
import nodeFetch from "node-fetch";

export interface TransportOptions {
  apiRoot: string;
  /** How the connections find the API root's address (dns.lookup's signature); the tests give one that asks no DNS. */
  lookup?: LookupFunction;
  /** A call without an answer in this time fails as ETIMEDOUT, instead of waiting minutes for the system to give up. */
  timeoutMs?: number;
}

/** A server error whose body is no Bot API answer (a proxy's HTML page): grammY would report its unreadable JSON instead. */
export class ServerError extends Error {
  override name = "ServerError";
  constructor(
    readonly status: number,
    readonly statusText: string,
  ) {
    super(`${status} ${statusText}`);
  }
}

function timedOut(timeoutMs: number): Error {
  return Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: "ETIMEDOUT" });
}

/** node-fetch under a native signal of its own that also follows the caller's (grammY's polyfill, which AbortSignal.any ignores). */
async function fetchWithin(timeoutMs: number, input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<Response> {
  const controller = new AbortController();
  const callerAborted = () => controller.abort();
  init?.signal?.addEventListener("abort", callerAborted, { once: true });
  let expired = false;
  const timer = setTimeout(() => ((expired = true), controller.abort()), timeoutMs);
  try {
    return await nodeFetch(input, { ...init, signal: controller.signal });
  } catch (error) {
    throw expired ? timedOut(timeoutMs) : error;
  } finally {
    clearTimeout(timer);
    init?.signal?.removeEventListener("abort", callerAborted);
  }
}

/**
 * What carries Bot API calls: node-fetch over keep-alive agents, as grammY itself does on Node, not Node's built-in
 * fetch, which costs more CPU per call, time on the first call, and memory (README, Design). With a `lookup`, over
 * agents of its own that resolve the API root's name with it (grammY's shared agents would ask DNS).
 */
export function telegramTransport({ apiRoot, lookup, timeoutMs }: TransportOptions): typeof fetch {
  const Agent = apiRoot.startsWith("https:") ? HttpsAgent : HttpAgent;
  const agent = lookup ? new Agent({ keepAlive: true, lookup }) : undefined;
  return async (input, given) => {
    const init = agent ? ({ ...given, agent } as RequestInit) : given;
    const response = timeoutMs === undefined ? await nodeFetch(input, init) : await fetchWithin(timeoutMs, input, init);
    if (response.status < 500 || response.headers.get("content-type")?.includes("json")) return response;
    // Read to the end, so the keep-alive connection is free for the next try.
    await response.arrayBuffer().catch(() => undefined);
    throw new ServerError(response.status, response.statusText);
  };
}
