import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { HealthReport } from "./health.js";

export interface HttpServerOptions {
  port: number;
  health: () => Promise<HealthReport>;
  /** Webhook mode: the path Telegram posts to and the handler for it. */
  webhook?: { path: string; handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> };
  /** The Mini App (WEB_APP_URL set): everything under /app/, given the path after it. */
  miniApp?: (request: IncomingMessage, response: ServerResponse, pagePath: string) => Promise<void>;
  /** Time a client has to send a whole request, headers and body; a request still arriving then is cut (408). */
  requestTimeoutMs: number;
}

// Node looks for expired requests only this often (30 s by default), so a short timeout needs a short look.
const timeoutCheckEvery = (timeoutMs: number) => Math.max(100, Math.min(1000, timeoutMs / 4));

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** /healthz in both modes, the webhook endpoint in webhook mode, the Mini App under /app/; everything else is a 404. */
export async function startHttpServer(options: HttpServerOptions): Promise<Server> {
  const timeouts = {
    // Node's default holds a request that trickles in for five minutes.
    requestTimeout: options.requestTimeoutMs,
    headersTimeout: options.requestTimeoutMs,
    connectionsCheckingInterval: timeoutCheckEvery(options.requestTimeoutMs),
  };
  const server = createServer(timeouts, (request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method === "GET" && path === "/healthz") {
      void options.health().then((report) => json(response, report.ok ? 200 : 503, report));
      return;
    }
    const miniApp = options.miniApp;
    if (miniApp && (path === "/app" || path.startsWith("/app/"))) {
      // WEB_APP_URL may sit below a path of the proxy's: a relative redirect keeps it.
      if (path === "/app") return void response.writeHead(301, { location: "app/" }).end();
      miniApp(request, response, path.slice("/app/".length)).catch(() => {
        if (!response.headersSent) json(response, 500, { error: "internal" });
      });
      return;
    }
    const webhook = options.webhook;
    if (!webhook || request.method !== "POST" || path !== webhook.path) return json(response, 404, { error: "not found" });
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
