import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { HealthReport } from "./health.js";

export interface HttpServerOptions {
  port: number;
  health: () => Promise<HealthReport>;
  /** Webhook mode: the path Telegram posts to and grammY's handler for it. */
  webhook?: { path: string; handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> };
}

// Telegram's updates are a few KiB; anything near this is not from Telegram.
const MAX_BODY_BYTES = 1024 * 1024;

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** /healthz in both modes, and the webhook endpoint in webhook mode; everything else is a 404. */
export async function startHttpServer(options: HttpServerOptions): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method === "GET" && path === "/healthz") {
      void options.health().then((report) => json(response, report.ok ? 200 : 503, report));
      return;
    }
    const webhook = options.webhook;
    if (!webhook || request.method !== "POST" || path !== webhook.path) return json(response, 404, { error: "not found" });
    if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return json(response, 413, { error: "body too large" });
    webhook.handle(request, response).catch(() => {
      if (!response.headersSent) json(response, 500, { error: "update failed" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  return server;
}
