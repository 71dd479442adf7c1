import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiError } from "./api-types.js";

/** A request refused with this status and body; anything else a handler throws is a 500 that says nothing more. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.error);
    this.name = "ApiFailure";
  }
}

export const badRequest = () => new ApiFailure(400, { error: "bad-request" });
export const notFound = () => new ApiFailure(404, { error: "not-found" });

/** The page's own origin and nothing else: no third-party script, style, font, frame or request. */
export const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
  "x-content-type-options": "nosniff",
  // Links opened from the library do not tell their sites where they were listed.
  "referrer-policy": "no-referrer",
} as const;

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response
    .writeHead(status, { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers })
    .end(body === undefined ? undefined : JSON.stringify(body));
}

/** The request's JSON body, refused (413) past `maxBytes` before it is all read, and (400) when it is no JSON. */
export async function readJson(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (Number(request.headers["content-length"] ?? 0) > maxBytes) throw new ApiFailure(413, { error: "too-large" });
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of request as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > maxBytes) throw new ApiFailure(413, { error: "too-large" });
    parts.push(part);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString("utf8")) as unknown;
  } catch {
    throw badRequest();
  }
}
