import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { SECURITY_HEADERS } from "./http.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

/** The file under `directory` a page path names, or undefined for anything that would leave it or is hidden. */
function fileOf(directory: string, pagePath: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(pagePath) || "index.html";
  } catch {
    return undefined;
  }
  if (name.split("/").some((part) => part.startsWith(".")) || name.includes("\\") || name.includes("\0")) return undefined;
  const root = resolve(directory);
  const file = resolve(root, name);
  return file.startsWith(root + sep) ? file : undefined;
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8", ...headers }).end(text);
}

/**
 * The page's files, `pagePath` being the part after /app/ ("" for index.html). The build names its files without
 * a hash (app.js, app.css), so every response is revalidated (no-cache) against an ETag of size and time: a new
 * deployment shows at the next open, an unchanged file costs a 304.
 */
export async function serveStatic(directory: string, pagePath: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") return plain(response, 405, "method not allowed", { allow: "GET, HEAD" });
  const file = fileOf(directory, pagePath);
  const type = file && CONTENT_TYPES[extname(file)];
  const info = file && type ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !type || !info?.isFile()) return plain(response, 404, "not found");
  const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const headers = { ...SECURITY_HEADERS, "content-type": type, "cache-control": "no-cache", etag };
  if (request.headers["if-none-match"] === etag) return void response.writeHead(304, headers).end();
  const body = request.method === "HEAD" ? undefined : await readFile(file);
  response.writeHead(200, { ...headers, "content-length": String(info.size) }).end(body);
}

/** Where `npm run build` puts the page: dist/miniapp/ at the project's root, from src/ and from dist/src/ alike. */
export function defaultPageDirectory(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  return here.includes(`${sep}dist${sep}src${sep}`) ? join(here, "../../miniapp") : join(here, "../../dist/miniapp");
}
