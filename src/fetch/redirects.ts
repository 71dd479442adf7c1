import type { IncomingMessage } from "node:http";
import { targetUrl } from "./target-url.js";
import { failed, isFailure, type FetchFailure } from "./types.js";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface Landed {
  url: URL;
  response: IncomingMessage;
}

/** Follows redirects by hand, so that every hop goes through `open` and its address check again. */
export async function followRedirects(
  start: URL,
  open: (url: URL) => Promise<IncomingMessage | FetchFailure>,
  maxRedirects: number,
): Promise<Landed | FetchFailure> {
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const response = await open(url);
    if (isFailure(response)) return response;
    const location = REDIRECT_STATUSES.has(response.statusCode ?? 0) ? response.headers.location : undefined;
    if (location === undefined) return { url, response };
    response.destroy();
    if (redirects === maxRedirects) return failed(url, { reason: "too-many-redirects" });
    const next = targetUrl(location, url);
    if (isFailure(next)) return next;
    url = next;
  }
}
