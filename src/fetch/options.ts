import { lookup } from "node:dns/promises";
import type { PrivateAddressPolicy, Resolver } from "./address-policy.js";
import { createLimiter, type Limiter } from "./limiter.js";

export interface FetchOptions {
  /** One budget for the whole fetch, every hop's lookup, connect and read, not counting the wait for a place. */
  timeoutMs: number;
  /** Decompressed bytes read at most; what lies past them is never downloaded. */
  maxBytes: number;
  maxRedirects: number;
  allowPrivateAddresses: PrivateAddressPolicy;
  resolve: Resolver;
  /** Shared by every fetch that is given it; the default one is shared across the process. */
  limiter: Limiter;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 8_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  allowPrivateAddresses: false,
  resolve: (hostname) => lookup(hostname, { all: true }),
  limiter: createLimiter(4),
};
