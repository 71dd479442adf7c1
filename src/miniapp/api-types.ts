/**
 * What the Mini App's page and the bot's HTTP server say to each other: the JSON of every route under `/app/api/`.
 * The page imports these types only (erased when it is bundled), the server builds them; one definition for both.
 *
 * Every request carries the Mini App's initData in `Authorization: tma <initData>`; nothing else authenticates.
 * A refused request answers `ApiError` with 401 (missing, forged or expired initData), 403 (a user the bot does not
 * serve), 400 (bad input) or 404 (no such link or note of this user's, or no such route); also 405 (a route asked
 * with another method), 413 (a body over 64 KiB) and 500 (the server failed; the log says why).
 */

export type ReadState = "unread" | "read" | "all";

export interface ApiError {
  error: "unauthorized" | "forbidden" | "bad-request" | "not-found" | "method-not-allowed" | "too-large" | "internal";
  /** For 401: why, so the page can say it in words. */
  reason?: "missing" | "invalid" | "expired";
}

/** GET api/session: who is signed in, and the page's texts in their language. */
export interface SessionResponse {
  user: { id: number; firstName: string };
  locale: "en" | "zh";
  timeZone: string;
  /** Today in the user's time zone, YYYY-MM-DD. */
  today: string;
  /** The Fluent source of the page's texts (locales/<locale>/mini-app.ftl). */
  messages: string;
}

/**
 * GET api/links: one page of the library, newest first (saved time, then id); with `q`, in /search's ranking.
 * Query parameters: state (default "unread"), tag (repeatable: links with every tag), site (a host as
 * `LibraryLink.site` gives it), from and to (YYYY-MM-DD, local days, inclusive), q, cursor (from the last page's
 * `next`), limit (default 50, at most 100).
 */
export interface LinksResponse {
  links: LibraryLink[];
  /** Pass as `cursor` for the next page; null at the end. */
  next: string | null;
}

export interface LibraryLink {
  id: number;
  url: string;
  /** The link's title (the user's, the page's or the words it came with); null when there is none. */
  title: string | null;
  /** What the bot calls it in lists: the title, else its short address ("medium.com › the-secret-behind…"). */
  name: string;
  /** The host without "www.", as the site filter takes it. */
  site: string;
  tags: string[];
  savedAt: number;
  readAt: number | null;
  /** The local day it was saved on, YYYY-MM-DD, in the user's time zone: the list's day headings. */
  day: string;
  noteCount: number;
  /** With `q`: an excerpt of the note that matched, as plain text. */
  snippet?: string;
}

/** GET api/facets?state=…: the tags and sites of the links in that state, most used first, for the filters. */
export interface FacetsResponse {
  tags: { name: string; count: number }[];
  sites: { site: string; count: number }[];
}

/** GET api/links/:id */
export interface LinkDetail extends LibraryLink {
  description: string | null;
  notes: NoteItem[];
}

export interface NoteItem {
  id: number;
  text: string;
  createdAt: number;
  updatedAt: number;
}

/** POST api/links/:id/notes {text} → NoteItem (201); PATCH api/notes/:id {text} → NoteItem; DELETE api/notes/:id → 204. */
export interface NoteInput {
  text: string;
}

/**
 * POST api/bulk: one change to many links of the user's, in one transaction. "delete" answers the ids deleted; the
 * same ids sent back with "restore" (within the bot's Undo time) bring them back with their tags and notes.
 */
export interface BulkRequest {
  ids: number[];
  action: "read" | "unread" | "add-tags" | "remove-tags" | "delete" | "restore";
  /** For add-tags and remove-tags. */
  tags?: string[];
}

export interface BulkResponse {
  /** How many links the action changed (links already in that state, or not the user's, are not counted). */
  changed: number;
  /** For "delete": the ids to send back with "restore". */
  undo?: number[];
}

/** GET api/stats: the same figures and chart as /stats. */
export interface StatsResponse {
  /** The chart as inline SVG, coloured by CSS classes (see src/stats/chart-svg.ts) so the page's theme applies. */
  svg: string;
  /** The /stats caption as plain text. */
  summary: string;
  report: StatsReportJson;
}

/** The numbers behind the chart (src/stats/report.ts's StatsReport, as JSON). */
export interface StatsReportJson {
  weeks: { start: string; saved: number; read: number; notes: number; backlog: number }[];
  backlog: number;
  catchUp: { kind: "done" } | { kind: "date"; date: string; weeks: number } | { kind: "never"; neededPerWeek: number };
  readPerWeek: number;
  savedPerWeek: number;
  streak: { current: number; longest: number };
  topTags: { name: string; count: number }[];
  topSites: { site: string; count: number }[];
}
