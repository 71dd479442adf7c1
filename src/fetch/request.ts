import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { literalAddress, RefusedAddress, type AddressCheck } from "./address-policy.js";
import { failed, type FetchFailure } from "./types.js";

const HEADERS = {
  "user-agent": "linklog/0.1 (self-hosted Telegram bot; fetches the titles of links its users save)",
  accept: "text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.8,image/*;q=0.5,video/*;q=0.5,*/*;q=0.1",
  "accept-encoding": "gzip, deflate, br",
};

export interface HopGuard {
  allowed: AddressCheck;
  lookup: LookupFunction;
  signal: AbortSignal;
}

/** Refusals and the timeout are told apart from other socket errors, which keep Node's code (`ECONNREFUSED`). */
export function transportFailure(error: unknown, url: URL, signal: AbortSignal): FetchFailure {
  if (error instanceof RefusedAddress) return failed(url, { reason: "refused-address", address: error.address });
  if (signal.aborted) return failed(url, { reason: "timeout" });
  return failed(url, { reason: "network-error", code: (error as NodeJS.ErrnoException).code ?? "unknown" });
}

function send(url: URL, guard: HopGuard): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      // No agent: a pooled socket would skip the lookup, and with it the check, on the next request.
      { method: "GET", headers: HEADERS, agent: false, lookup: guard.lookup, signal: guard.signal },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}

/** One GET, answered with the response head whatever its status; the caller owns the body. */
export async function openHop(url: URL, guard: HopGuard): Promise<IncomingMessage | FetchFailure> {
  const literal = literalAddress(url);
  if (literal !== undefined && !guard.allowed(literal)) return failed(url, { reason: "refused-address", address: literal });
  try {
    return await send(url, guard);
  } catch (error) {
    return transportFailure(error, url, guard.signal);
  }
}
