import type { IncomingMessage } from "node:http";
import { readBody } from "./body.js";
import { decodeHtml } from "./charset.js";
import { contentKind, mediaType } from "./content-kind.js";
import { fileNameOf } from "./file-name.js";
import { htmlInfo } from "./html-info.js";
import { pdfTitle } from "./pdf-title.js";
import { failed, isFailure, type FetchFailure, type PageInfo } from "./types.js";

/** What the final response holds. Images and videos are named from their headers alone: their bodies are never read. */
export async function describeResponse(response: IncomingMessage, url: URL, maxBytes: number, signal: AbortSignal): Promise<PageInfo | FetchFailure> {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) return failed(url, { reason: "http-status", status });
  const contentType = mediaType(response.headers["content-type"]);
  const kind = contentKind(contentType);
  if (kind === undefined) return failed(url, { reason: "not-a-page", contentType });
  const fetched = { finalUrl: url.href, contentType };
  const fileName = () => fileNameOf(url, response.headers["content-disposition"]);
  if (kind === "image" || kind === "video") return { kind, ...fetched, fileName: fileName() };
  const body = await readBody(response, url, maxBytes, signal);
  if (isFailure(body)) return body;
  if (kind === "pdf") return { kind, ...fetched, fileName: fileName(), title: pdfTitle(body) };
  return { kind, ...fetched, ...htmlInfo(decodeHtml(body, response.headers["content-type"])) };
}
