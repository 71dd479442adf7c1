import type { BulkRequest, NoteInput, ReadState } from "./api-types.js";
import type { BulkAction } from "../store/library-changes.js";
import type { LibraryCursor, LibraryFilter } from "../store/library.js";
import { MAX_TAGS_PER_ANSWER, normalizeTag } from "../tags/parse-tags.js";
import { localDayRange, parseLocalDate } from "../time/local-date.js";
import { badRequest } from "./http.js";

const STATES: readonly ReadState[] = ["unread", "read", "all"];
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
/** Links one bulk request may name: a selection on a phone, with room; more is a page gone wrong. */
export const MAX_BULK_IDS = 1000;
/** As long as a Telegram message, which is what a note typed to the bot can be at most. */
export const MAX_NOTE_LENGTH = 4096;

/** Query parameters of api/links and api/facets, read strictly: anything malformed is a 400, never a guess. */
export function readState(params: URLSearchParams): ReadState {
  const state = params.get("state") ?? "unread";
  if (!(STATES as readonly string[]).includes(state)) throw badRequest();
  return state as ReadState;
}

function localDay(text: string | null): string | undefined {
  if (text === null) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !parseLocalDate(text)) throw badRequest();
  return text;
}

/** from and to, local days in the user's zone, both included. */
function savedRange(params: URLSearchParams, timeZone: string): LibraryFilter["saved"] {
  const [from, to] = [localDay(params.get("from")), localDay(params.get("to"))];
  if (from === undefined && to === undefined) return undefined;
  if (from !== undefined && to !== undefined && from > to) throw badRequest();
  return {
    start: from === undefined ? Number.MIN_SAFE_INTEGER : localDayRange(from, timeZone).start,
    end: to === undefined ? Number.MAX_SAFE_INTEGER : localDayRange(to, timeZone).end,
  };
}

export function readFilter(params: URLSearchParams, timeZone: string): LibraryFilter {
  const tags = params.getAll("tag");
  if (tags.some((tag) => tag === "") || tags.length > MAX_TAGS_PER_ANSWER) throw badRequest();
  const site = params.get("site");
  const q = params.get("q")?.trim();
  return {
    state: readState(params),
    tags: [...new Set(tags)],
    ...(site ? { site } : {}),
    ...(q ? { q } : {}),
    saved: savedRange(params, timeZone),
  };
}

export function readLimit(params: URLSearchParams): number {
  const text = params.get("limit");
  if (text === null) return DEFAULT_LIMIT;
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > MAX_LIMIT) throw badRequest();
  return limit;
}

/** `n<savedAt>.<id>` continues a newest-first list, `r<offset>` a ranked search. */
export function encodeCursor(cursor: LibraryCursor | null): string | null {
  if (cursor === null) return null;
  return "offset" in cursor ? `r${cursor.offset}` : `n${cursor.savedAt}.${cursor.id}`;
}

export function readCursor(params: URLSearchParams): LibraryCursor | undefined {
  const text = params.get("cursor");
  if (text === null || text === "") return undefined;
  const newest = /^n(-?\d{1,16})\.(\d{1,16})$/.exec(text);
  if (newest) return { savedAt: Number(newest[1]), id: Number(newest[2]) };
  const ranked = /^r(\d{1,6})$/.exec(text);
  if (ranked) return { offset: Number(ranked[1]) };
  throw badRequest();
}

export function readNote(body: unknown): string {
  const text = (body as Partial<NoteInput> | null)?.text;
  if (typeof text !== "string" || text.trim() === "" || text.length > MAX_NOTE_LENGTH) throw badRequest();
  return text.trim();
}

function readTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > MAX_TAGS_PER_ANSWER) throw badRequest();
  return tags.map((tag) => {
    const name = typeof tag === "string" ? normalizeTag(tag) : null;
    if (name === null) throw badRequest();
    return name;
  });
}

export function readBulk(body: unknown): { ids: number[]; action: BulkAction } {
  const request = (body ?? {}) as Partial<BulkRequest>;
  const ids = request.ids;
  if (!Array.isArray(ids) || ids.length > MAX_BULK_IDS || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) throw badRequest();
  switch (request.action) {
    case "read":
    case "unread":
    case "delete":
    case "restore":
      return { ids, action: { kind: request.action } };
    case "add-tags":
    case "remove-tags":
      return { ids, action: { kind: request.action, tags: readTags(request.tags) } };
    default:
      throw badRequest();
  }
}
