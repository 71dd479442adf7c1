import { GLOBAL_PARAMS, HOST_ALIASES, SITE_PARAMS, WRAPPERS, type ParamGroup, type SiteRules, type Wrapper } from "./url-rules.js";

export interface NormalizedUrl {
  /** De-duplication key: two URLs with the same key are the same link for one user. */
  key: string;
  /** What is stored, shown and opened: the original URL minus tracking parameters (otherwise untouched: keep original query order, host case as given is fine to lower-case, keep the fragment). */
  display: string;
}

/**
 * Bump whenever a change here or in url-rules.ts gives some stored URL another key: the next start
 * recomputes the keys of stored links (src/store/url-keys.ts), so old links still match new shares.
 */
export const URL_KEY_VERSION = 2;

// Mobile and www mirrors serve the same pages as the bare host.
const MIRROR_LABELS = new Set(["www", "m", "mobile"]);
// A colon followed by a digit is a port ("example.org:8080"), not the end of a scheme.
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
// A wrapper inside a wrapper is followed this many times at most, so a loop of wrappers ends.
const MAX_UNWRAPS = 3;
// YouTube's other paths to one video: /shorts/ID, /embed/ID, /live/ID, /v/ID are /watch?v=ID.
const YOUTUBE_VIDEO_PATH = /^\/(?:shorts|embed|live|v)\/([^/]+)$/;
// Fragments holding state rather than naming a heading: routes (#/…, #!…), key=value, @names, or a long
// token of letters and digits. Any of these can tell two different pages apart.
const STATE_FRAGMENT = /[/=!@:]/;
const OPAQUE_RUN = /[A-Za-z0-9]{16,}/g;

/** The rules that apply on one host, compiled from url-rules.ts. */
interface HostRules {
  names: ReadonlySet<string>;
  prefixes: RegExp | null;
  keyOnly: ReadonlySet<string>;
  refPathSegments: boolean;
  wrappers: readonly Wrapper[];
}

const lower = (names: readonly string[] | undefined) => (names ?? []).map((name) => name.toLowerCase());
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One regex for all the prefixes: one test per parameter instead of one per prefix. */
function prefixRegExp(groups: readonly ParamGroup[]): RegExp | null {
  const prefixes = groups.flatMap((group) => lower(group.prefixes));
  return prefixes.length === 0 ? null : new RegExp(`^(?:${prefixes.map(escapeRegExp).join("|")})`);
}

function byHost<T extends { hosts: readonly string[] }>(entries: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const entry of entries) for (const host of entry.hosts) map.set(host, [...(map.get(host) ?? []), entry]);
  return map;
}

const GLOBAL_NAMES = new Set(GLOBAL_PARAMS.flatMap((group) => lower(group.names)));
const GLOBAL_PREFIXES = prefixRegExp(GLOBAL_PARAMS);
const SITES = byHost(SITE_PARAMS);
const WRAPPERS_BY_HOST = byHost(WRAPPERS);
const NO_RULES: HostRules = { names: new Set(), prefixes: null, keyOnly: new Set(), refPathSegments: false, wrappers: [] };
// Compiled rules per host: an import meets the same few hosts again and again. Cleared when full, so
// a file of a million distinct hosts cannot grow it without bound.
const rulesCache = new Map<string, HostRules>();
const RULES_CACHE_SIZE = 10_000;

/**
 * The table's names under which this host's rules are filed: the host and each parent domain, and
 * "name.*" where the rest is a country ending ("amazon.de", "amazon.co.uk", "google.com.br").
 */
function tableNames(host: string): string[] {
  const labels = host.split(".");
  const names: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) {
    names.push(labels.slice(i).join("."));
    const rest = labels.length - i - 1;
    if (rest === 1 || (rest === 2 && labels[labels.length - 2]!.length <= 3)) names.push(`${labels[i]}.*`);
  }
  return names;
}

function compileRules(host: string): HostRules {
  const names = tableNames(host);
  const sites: SiteRules[] = names.flatMap((name) => SITES.get(name) ?? []);
  const wrappers = names.flatMap((name) => WRAPPERS_BY_HOST.get(name) ?? []);
  if (sites.length === 0 && wrappers.length === 0) return NO_RULES;
  return {
    names: new Set(sites.flatMap((site) => lower(site.names))),
    prefixes: prefixRegExp(sites),
    keyOnly: new Set(sites.flatMap((site) => lower(site.keyOnly))),
    refPathSegments: sites.some((site) => site.refPathSegments === true),
    wrappers,
  };
}

function rulesFor(host: string): HostRules {
  let rules = rulesCache.get(host);
  if (rules === undefined) {
    if (rulesCache.size >= RULES_CACHE_SIZE) rulesCache.clear();
    rules = compileRules(host);
    rulesCache.set(host, rules);
  }
  return rules;
}

/** null when the input is not an absolute http(s) URL (after adding "https://" to a scheme-less input like "example.org/x" or "www.example.org"). */
export function normalizeUrl(raw: string): NormalizedUrl | null {
  return normalizeWithin(raw, MAX_UNWRAPS);
}

function normalizeWithin(raw: string, unwraps: number): NormalizedUrl | null {
  const url = parseHttpUrl(raw);
  if (url === null) return null;
  const host = keyHost(url.hostname);
  const rules = rulesFor(host);
  const params = queryParams(url.search);
  if (rules.wrappers.length > 0 && unwraps > 0) {
    const target = unwrap(url, params, rules.wrappers);
    const normalized = target === null ? null : normalizeWithin(target, unwraps - 1);
    if (normalized !== null) return normalized;
  }
  const kept: string[] = [];
  const keyParams: string[] = [];
  for (const param of params) {
    const name = paramName(param);
    if (isTracking(name, rules)) continue;
    kept.push(param);
    if (!rules.keyOnly.has(name)) keyParams.push(param);
  }
  const search = toSearch(kept);
  // An empty "?" is dropped too, as the search setter always did.
  if (search !== url.search || (search === "" && url.href.includes("?"))) url.search = search;
  if (rules.refPathSegments && /\/ref=/i.test(url.pathname)) url.pathname = url.pathname.replace(/\/ref=[^/]*/gi, "") || "/";
  return { key: keyOf(url, host, keyParams), display: url.href };
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

/** The host as in the key: mirror labels dropped, then one name for a site's aliases. */
function keyHost(hostname: string): string {
  const host = canonicalHost(hostname);
  return HOST_ALIASES[host] ?? host;
}

/** Drops mirror labels, but never from the last two labels, so "m.com" or "www.com" survive. */
function canonicalHost(hostname: string): string {
  const labels = hostname.split(".");
  if (!labels.some((label) => MIRROR_LABELS.has(label))) return hostname;
  return labels.filter((label, i) => i >= labels.length - 2 || !MIRROR_LABELS.has(label)).join(".");
}

/** The URL a wrapper sends on to, or null when this link is not a wrapper or holds no http(s) URL. */
function unwrap(url: URL, params: readonly string[], wrappers: readonly Wrapper[]): string | null {
  const path = url.pathname.replace(/\/+$/, "");
  for (const wrapper of wrappers) {
    if (wrapper.pathPrefix !== undefined) {
      if (url.pathname.startsWith(wrapper.pathPrefix)) return `https://${url.pathname.slice(wrapper.pathPrefix.length)}${url.search}`;
      continue;
    }
    if (wrapper.path !== undefined && wrapper.path !== path) continue;
    for (const wanted of wrapper.params ?? []) {
      const param = params.find((candidate) => paramName(candidate) === wanted);
      const target = param === undefined ? null : decoded(param.slice(param.indexOf("=") + 1));
      if (target !== null && /^https?:\/\//i.test(target)) return target;
    }
  }
  return null;
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function queryParams(search: string): string[] {
  return search
    .slice(1)
    .split("&")
    .filter((param) => param !== "");
}

function rawName(param: string): string {
  const eq = param.indexOf("=");
  return eq === -1 ? param : param.slice(0, eq);
}

/** The parameter's name as the rules compare it: lower-cased and percent-decoded ("%24deep_link" is "$deep_link"). */
function paramName(param: string): string {
  const name = rawName(param).toLowerCase();
  return name.includes("%") ? (decoded(name) ?? name) : name;
}

function isTracking(name: string, rules: HostRules): boolean {
  return GLOBAL_NAMES.has(name) || (GLOBAL_PREFIXES?.test(name) ?? false) || rules.names.has(name) || (rules.prefixes?.test(name) ?? false);
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
  const videoId = youtubeVideoId(host, path);
  if (videoId !== undefined) {
    keyHost = "youtube.com";
    path = "/watch";
    keyParams = [`v=${videoId}`, ...params];
  }
  return new URL(`https://${userInfo}${keyHost}${port}${path}${toSearch(sortByName(keyParams))}${keptFragment(url.hash)}`).href;
}

function youtubeVideoId(host: string, path: string): string | undefined {
  if (host === "youtu.be") return /^\/([^/]+)$/.exec(path)?.[1];
  if (host === "youtube.com" || host === "youtube-nocookie.com") return YOUTUBE_VIDEO_PATH.exec(path)?.[1];
  return undefined;
}

/**
 * The fragment as far as it tells pages apart: single-page apps route with "#/" or "#!", editors and
 * viewers keep the document in it ("#json=…", "#code/…"), so those stay; a plain in-page anchor
 * ("#section-2") and a scroll-to-text directive ("#:~:text=…") point into the same page and are dropped.
 */
function keptFragment(hash: string): string {
  const directive = hash.indexOf(":~:");
  const fragment = directive === -1 ? hash : hash.slice(0, directive);
  if (fragment.length <= 1) return "";
  if (STATE_FRAGMENT.test(fragment)) return fragment;
  const opaque = fragment.match(OPAQUE_RUN)?.some((run) => /[A-Za-z]/.test(run) && /\d/.test(run)) ?? false;
  return opaque ? fragment : "";
}

/** The search setter strips one leading "?", which would eat a parameter that itself starts with "?". */
function toSearch(params: string[]): string {
  return params.length === 0 ? "" : `?${params.join("&")}`;
}

/** Array.prototype.sort is stable, so repeated names keep their values' order. */
function sortByName(params: string[]): string[] {
  return [...params].sort((a, b) => {
    const [x, y] = [rawName(a), rawName(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
