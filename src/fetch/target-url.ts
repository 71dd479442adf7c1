import { failed, type FetchFailure } from "./types.js";

const WEB_SCHEMES = new Set(["http:", "https:"]);

/**
 * A URL the fetcher may request, read relative to `base` for a redirect's `Location`. Credentials are dropped
 * rather than refused: the fetcher never logs in anywhere, so the page fetched is the one anybody would see,
 * and the user's secret is neither sent nor returned in `finalUrl`.
 */
export function targetUrl(raw: string, base?: URL): URL | FetchFailure {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return failed(raw, { reason: "bad-url" });
  }
  if (!WEB_SCHEMES.has(url.protocol)) return failed(raw, { reason: "bad-scheme", scheme: url.protocol.slice(0, -1) });
  url.username = "";
  url.password = "";
  return url;
}
