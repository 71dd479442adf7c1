export interface NormalizedUrl {
  /** De-duplication key: two URLs with the same key are the same link for one user. */
  key: string;
  /** What is stored, shown and opened: the original URL minus tracking parameters (otherwise untouched: keep original query order, host case as given is fine to lower-case, keep the fragment). */
  display: string;
}

const TRACKING_PARAMS = new Set(["fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref_src"]);
// `si` is YouTube's share tracker; elsewhere it can be a real parameter.
const YOUTUBE_HOSTS = new Set(["youtube.com", "youtu.be", "music.youtube.com"]);
// Mobile and www mirrors serve the same pages as the bare host.
const MIRROR_LABELS = new Set(["www", "m", "mobile"]);
// A colon followed by a digit is a port ("example.org:8080"), not the end of a scheme.
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/** null when the input is not an absolute http(s) URL (after adding "https://" to a scheme-less input like "example.org/x" or "www.example.org"). */
export function normalizeUrl(raw: string): NormalizedUrl | null {
  const url = parseHttpUrl(raw);
  if (url === null) return null;
  const host = canonicalHost(url.hostname);
  const params = queryParams(url.search).filter((param) => !isTracking(paramName(param), host));
  url.search = toSearch(params);
  return { key: keyOf(url, host, params), display: url.href };
}

function parseHttpUrl(raw: string): URL | null {
  if (/\s/.test(raw)) return null;
  const hasScheme = SCHEME.test(raw);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  // Without a scheme only a dotted host reads as a link; "hello" is just a word.
  if (!hasScheme && !url.hostname.includes(".")) return null;
  return url;
}

/** Drops mirror labels, but never from the last two labels, so "m.com" or "www.com" survive. */
function canonicalHost(hostname: string): string {
  const labels = hostname.split(".");
  return labels.filter((label, i) => i >= labels.length - 2 || !MIRROR_LABELS.has(label)).join(".");
}

function queryParams(search: string): string[] {
  return search.slice(1).split("&").filter((param) => param !== "");
}

function paramName(param: string): string {
  const eq = param.indexOf("=");
  return eq === -1 ? param : param.slice(0, eq);
}

function isTracking(name: string, host: string): boolean {
  return name.startsWith("utm_") || TRACKING_PARAMS.has(name) || (name === "si" && YOUTUBE_HOSTS.has(host));
}

/**
 * The key is parsed from a string put together from the display URL's parts: each URL setter costs about as
 * much as a parse, and the key changes five parts. The parts come already escaped, so the parse keeps them.
 */
function keyOf(url: URL, host: string, params: string[]): string {
  const userInfo = url.username === "" && url.password === "" ? "" : `${url.username}${url.password === "" ? "" : `:${url.password}`}@`;
  // Parsing as https also drops an explicit :443, which is now the default port.
  const port = url.port === "" ? "" : `:${url.port}`;
  let path = url.pathname.replace(/\/+$/, "") || "/";
  let keyHost = host;
  let keyParams = params;
  const shortId = host === "youtu.be" ? /^\/([^/]+)$/.exec(path)?.[1] : undefined;
  if (shortId !== undefined) {
    keyHost = "youtube.com";
    path = "/watch";
    keyParams = [`v=${shortId}`, ...params];
  }
  // Single-page apps route with "#/" or "#!", so there the fragment names the page.
  const hash = /^#[/!]/.test(url.hash) ? url.hash : "";
  return new URL(`https://${userInfo}${keyHost}${port}${path}${toSearch(sortByName(keyParams))}${hash}`).href;
}

/** The search setter strips one leading "?", which would eat a parameter that itself starts with "?". */
function toSearch(params: string[]): string {
  return params.length === 0 ? "" : `?${params.join("&")}`;
}

/** Array.prototype.sort is stable, so repeated names keep their values' order. */
function sortByName(params: string[]): string[] {
  return [...params].sort((a, b) => {
    const [x, y] = [paramName(a), paramName(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
