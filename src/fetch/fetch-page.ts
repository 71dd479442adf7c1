import { addressCheck, checkedLookup } from "./address-policy.js";
import { describeResponse } from "./describe.js";
import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from "./options.js";
import { followRedirects } from "./redirects.js";
import { openHop, type HopGuard } from "./request.js";
import { targetUrl } from "./target-url.js";
import { isFailure, type FetchFailure, type PageInfo } from "./types.js";

async function fetchWithin(start: URL, options: FetchOptions): Promise<PageInfo | FetchFailure> {
  const allowed = addressCheck(options.allowPrivateAddresses);
  const guard: HopGuard = { allowed, lookup: checkedLookup(options.resolve, allowed), signal: AbortSignal.timeout(options.timeoutMs) };
  const landed = await followRedirects(start, (url) => openHop(url, guard), options.maxRedirects);
  if (isFailure(landed)) return landed;
  try {
    return await describeResponse(landed.response, landed.url, options.maxBytes, guard.signal);
  } finally {
    landed.response.destroy();
  }
}

/**
 * Fetches a link for the reader: its title and a few facts about it, or why it could not be had. Meant for URLs
 * anyone may send: only http(s), never to a non-public address (checked on the address each hop connects to),
 * within a time budget, a byte cap and a limit on fetches running at once. Failures a server or a user can cause
 * come back as values; only a fault of the caller or of this code throws.
 */
export async function fetchPageInfo(url: string, options: Partial<FetchOptions> = {}): Promise<PageInfo | FetchFailure> {
  const settings = { ...DEFAULT_FETCH_OPTIONS, ...options };
  const start = targetUrl(url);
  if (isFailure(start)) return start;
  return settings.limiter(() => fetchWithin(start, settings));
}
