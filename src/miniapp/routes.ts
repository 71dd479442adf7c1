import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DB } from "../db/connection.js";
import type { User } from "../db/schema.js";
import { bulkChange, addLibraryNote, libraryNote } from "../store/library-changes.js";
import { libraryFacets, libraryLink, libraryPage, type LibraryRow } from "../store/library.js";
import { deleteNote, setNoteText } from "../store/notes.js";
import { localeFor } from "../telegram/i18n.js";
import { localDate } from "../time/local-date.js";
import { displayTitle } from "../views/links.js";
import type { BulkResponse, FacetsResponse, LibraryLink, LinkDetail, LinksResponse, NoteItem, SessionResponse } from "./api-types.js";
import { notFound } from "./http.js";
import { statsResponse } from "./stats.js";
import type { Translate } from "../views/translate.js";
import { encodeCursor, readBulk, readCursor, readFilter, readLimit, readNote, readState } from "./params.js";

/** What a route is given: the signed-in user (stored as the bot keeps them, language_code from initData) and the request's parts. */
export interface Call {
  user: User;
  now: number;
  params: URLSearchParams;
  /** The route pattern's captures: the ids in the path. */
  ids: number[];
  body: unknown;
}

export interface RouteContext {
  db: DB;
  localesDirectory: string;
  /** The user's language, as the bot speaks to them. */
  translate: (user: User) => Translate;
}

export interface Answer {
  status: number;
  body?: unknown;
}

export interface Route {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Matched against the path after /app/api/. */
  pattern: RegExp;
  /** The route reads a JSON body. */
  body?: boolean;
  handle(call: Call, context: RouteContext): Promise<Answer>;
}

const ok = (body: unknown): Answer => ({ status: 200, body });

/** The page's texts; a locale without its file yet falls back to English's, then to none (the page has its own). */
async function pageMessages(directory: string, locale: string): Promise<string> {
  for (const name of [locale, "en"]) {
    const text = await readFile(join(directory, name, "mini-app.ftl"), "utf8").catch(() => undefined);
    if (text !== undefined) return text;
  }
  return "";
}

function plainSnippet(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function libraryLinkOf(row: LibraryRow, timeZone: string): LibraryLink {
  const { snippetHtml, ...link } = row;
  return {
    ...link,
    name: displayTitle(row),
    day: localDate(row.savedAt, timeZone),
    ...(snippetHtml === undefined ? {} : { snippet: plainSnippet(snippetHtml) }),
  };
}

async function session({ user, now }: Call, { localesDirectory }: RouteContext): Promise<Answer> {
  // The stored /language choice first, then the language of the Telegram app the page was opened in.
  const locale = localeFor(user.language_code, user.language);
  const body: SessionResponse = {
    user: { id: user.id, firstName: user.first_name },
    locale,
    timeZone: user.time_zone,
    today: localDate(now, user.time_zone),
    messages: await pageMessages(localesDirectory, locale),
  };
  return ok(body);
}

async function links({ user, params }: Call, { db }: RouteContext): Promise<Answer> {
  const filter = readFilter(params, user.time_zone);
  const page = await libraryPage(db, user.id, filter, readCursor(params), readLimit(params));
  const body: LinksResponse = { links: page.rows.map((row) => libraryLinkOf(row, user.time_zone)), next: encodeCursor(page.next) };
  return ok(body);
}

async function facets({ user, params }: Call, { db }: RouteContext): Promise<Answer> {
  const body: FacetsResponse = await libraryFacets(db, user.id, readState(params));
  return ok(body);
}

async function linkDetail({ user, ids }: Call, { db }: RouteContext): Promise<Answer> {
  const link = await libraryLink(db, user.id, ids[0]!);
  if (!link) throw notFound();
  const body: LinkDetail = { ...libraryLinkOf(link, user.time_zone), description: link.description, notes: link.notes };
  return ok(body);
}

async function addNote({ user, ids, body, now }: Call, { db }: RouteContext): Promise<Answer> {
  const note: NoteItem | undefined = await addLibraryNote(db, user.id, ids[0]!, readNote(body), now);
  if (!note) throw notFound();
  return { status: 201, body: note };
}

async function editNote({ user, ids, body, now }: Call, { db }: RouteContext): Promise<Answer> {
  const text = readNote(body);
  if (!(await setNoteText(db, user.id, ids[0]!, text, now))) throw notFound();
  const note: NoteItem | undefined = await libraryNote(db, user.id, ids[0]!);
  if (!note) throw notFound();
  return ok(note);
}

async function removeNote({ user, ids }: Call, { db }: RouteContext): Promise<Answer> {
  if ((await deleteNote(db, user.id, ids[0]!)) === undefined) throw notFound();
  return { status: 204 };
}

async function bulk({ user, body, now }: Call, { db }: RouteContext): Promise<Answer> {
  const { ids, action } = readBulk(body);
  const outcome: BulkResponse = await bulkChange(db, user.id, ids, action, now);
  return ok(outcome);
}

async function stats({ user, now }: Call, { db, translate }: RouteContext): Promise<Answer> {
  return ok(await statsResponse(db, user, translate(user), now));
}

const ID = "([1-9]\\d{0,15})";

export const ROUTES: readonly Route[] = [
  { method: "GET", pattern: /^session$/, handle: session },
  { method: "GET", pattern: /^links$/, handle: links },
  { method: "GET", pattern: /^facets$/, handle: facets },
  { method: "GET", pattern: new RegExp(`^links/${ID}$`), handle: linkDetail },
  { method: "POST", pattern: new RegExp(`^links/${ID}/notes$`), body: true, handle: addNote },
  { method: "PATCH", pattern: new RegExp(`^notes/${ID}$`), body: true, handle: editNote },
  { method: "DELETE", pattern: new RegExp(`^notes/${ID}$`), handle: removeNote },
  { method: "POST", pattern: /^bulk$/, body: true, handle: bulk },
  { method: "GET", pattern: /^stats$/, handle: stats },
];
