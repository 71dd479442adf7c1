import type {
  ApiError,
  BulkRequest,
  BulkResponse,
  FacetsResponse,
  LinkDetail,
  LinksResponse,
  NoteItem,
  ReadState,
  SessionResponse,
  StatsResponse,
} from "../api-types.js";

/** A refused or failed request: `status` 0 when the server was not reached at all. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(`api ${status} ${body?.error ?? ""} ${body?.reason ?? ""}`);
  }
}

/** What the library shows: the query of GET api/links and, without `q` and paging, of GET api/facets. */
export interface LinkQuery {
  state: ReadState;
  tags: string[];
  site: string | null;
  from: string | null;
  to: string | null;
  q: string;
}

export type Api = ReturnType<typeof createApi>;

/**
 * The JSON API under /app/api/ (src/miniapp/api-types.ts), relative to the page so that a path WEB_APP_URL puts the
 * bot under is kept. Every request carries the initData as `Authorization: tma …`: no cookie, nothing else.
 */
export function createApi(initData: string) {
  async function request<T>(method: string, path: string, init: { body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(`api/${path}`, location.href), {
        method,
        headers: { authorization: `tma ${initData}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: init.signal ?? null,
      });
    } catch (error) {
      // An abort is the caller's own doing (a newer search); anything else is the network.
      if (init.signal?.aborted) throw error;
      throw new ApiFailure(0, null);
    }
    if (response.status === 204) return undefined as T;
    const body = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) throw new ApiFailure(response.status, body as ApiError | null);
    return body as T;
  }

  return {
    session: () => request<SessionResponse>("GET", "session"),
    links: (query: LinkQuery, cursor: string | null, signal?: AbortSignal) => request<LinksResponse>("GET", `links?${linkParams(query, cursor)}`, { signal }),
    facets: (state: ReadState) => request<FacetsResponse>("GET", `facets?state=${state}`),
    link: (id: number) => request<LinkDetail>("GET", `links/${id}`),
    addNote: (linkId: number, text: string) => request<NoteItem>("POST", `links/${linkId}/notes`, { body: { text } }),
    editNote: (noteId: number, text: string) => request<NoteItem>("PATCH", `notes/${noteId}`, { body: { text } }),
    deleteNote: (noteId: number) => request<void>("DELETE", `notes/${noteId}`),
    bulk: (change: BulkRequest) => request<BulkResponse>("POST", "bulk", { body: change }),
    stats: () => request<StatsResponse>("GET", "stats"),
  };
}

function linkParams(query: LinkQuery, cursor: string | null): string {
  const params = new URLSearchParams({ state: query.state });
  for (const tag of query.tags) params.append("tag", tag);
  if (query.site) params.set("site", query.site);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.q.trim()) params.set("q", query.q.trim());
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}
