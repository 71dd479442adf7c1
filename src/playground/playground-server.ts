import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { create as contentDisposition } from "content-disposition";
import { createBotApi, type BotApi, type ChatEvent } from "../emulator/index.js";
import { BodyTooLarge, readBody } from "../server/read-body.js";
import { PLAYGROUND_LANGUAGES, PlaygroundInputError, SimulatedUser, type Outgoing, type PlaygroundLanguage } from "./simulated-user.js";

export interface PlaygroundOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Largest file the page may upload: the bot refuses bigger imports anyway, with its own words. */
  maxUploadBytes: number;
}

export interface Playground {
  /** Where the page is, and the API root the bot is given: one port serves both. */
  url: string;
  token: string;
  api: BotApi;
  /** The bot's Mini App page (its WEB_APP_URL's /app/): the chat page opens it in a frame, signed in as the user. */
  serveMiniApp(page: string): void;
  stop(): Promise<void>;
}

const PAGE_DIR = new URL("./page/", import.meta.url);
const ASSETS: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
};
// The page loads nothing but its own files (no inline script, no third-party anything), and frames only the Mini App.
const contentSecurityPolicy = (miniAppOrigin?: string) =>
  `default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'${miniAppOrigin ? `; frame-src ${miniAppOrigin}` : ""}`;
const JSON_BODY_BYTES = 64 * 1024;
// Proxies and browsers drop an event stream that stays silent for long; a comment line keeps it open.
const KEEP_ALIVE_MS = 25_000;

/** The Bot API emulator and the chat page on one port of 127.0.0.1. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const api = createBotApi({ recordCalls: false, botInfo: { username: "linklog_playground_bot" } });
  const user = new SimulatedUser(api);
  const assets = Object.fromEntries(Object.entries(ASSETS).map(([path, asset]) => [path, { ...asset, body: readFileSync(new URL(asset.file, PAGE_DIR)) }]));
  const streams = new Set<ServerResponse>();
  let url = "";
  let miniAppPage: string | undefined;

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void> | void> = {
    "GET /api/state": (_request, response) =>
      json(response, 200, {
        bot: { first_name: api.botInfo.first_name, username: api.botInfo.username },
        language: user.languageCode,
        messages: api.history(user.chatId),
        commands: api.commandsFor(user.languageCode),
        keyboard: api.keyboard(user.chatId),
        menuButton: api.menuButton(user.chatId),
      }),
    // What Telegram hands a Mini App it opens: initData signed with the bot's token, for the page's user alone.
    "GET /api/web-app": (_request, response) => {
      if (!miniAppPage) return json(response, 404, { error: "this bot has no Mini App" });
      json(response, 200, { url: miniAppPage, initData: user.miniAppInitData(api.token, Date.now()) });
    },
    "GET /api/events": (request, response) => openEventStream(request, response),
    "POST /api/messages": async (request, response) => {
      const body = await jsonBody<Outgoing>(request);
      user.send({ text: String(body.text ?? ""), ...optionalNumber("replyTo", body.replyTo), ...optionalText("forwardedFrom", body.forwardedFrom) });
      json(response, 200, { ok: true });
    },
    "POST /api/press": async (request, response) => {
      const body = await jsonBody<{ messageId: number; data: string }>(request);
      user.press(Number(body.messageId), String(body.data));
      json(response, 200, { ok: true });
    },
    "POST /api/location": async (request, response) => {
      const body = await jsonBody<{ latitude: number; longitude: number }>(request);
      user.shareLocation(Number(body.latitude), Number(body.longitude));
      json(response, 200, { ok: true });
    },
    "POST /api/language": async (request, response) => {
      const { language } = await jsonBody<{ language: PlaygroundLanguage }>(request);
      if (language === undefined || !PLAYGROUND_LANGUAGES.includes(language)) throw new PlaygroundInputError("unknown language");
      user.speak(language);
      json(response, 200, { ok: true, commands: api.commandsFor(language) });
    },
    "POST /api/upload": async (request, response) => {
      const name = new URL(request.url ?? "/", "http://localhost").searchParams.get("name")?.trim() || "file";
      user.upload(await readBody(request, options.maxUploadBytes), name);
      json(response, 200, { ok: true });
    },
  };

  const openEventStream = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    response.write(": connected\n\n");
    streams.add(response);
    const forward = (event: ChatEvent) => {
      if (event.kind === "commands") return send({ kind: "commands", commands: api.commandsFor(user.languageCode) });
      if (event.kind === "menu-button") return send({ kind: "menu-button", menuButton: api.menuButton(user.chatId) });
      if (event.chatId === user.chatId) send(event);
    };
    const send = (event: unknown) => response.write(`data: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = api.subscribe(forward);
    const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
    request.once("close", () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(response);
    });
  };

  const serveDownload = (response: ServerResponse, fileId: string) => {
    const file = api.file(fileId);
    if (!file) return json(response, 404, { error: "no such file" });
    response.writeHead(200, {
      "content-type": file.mime_type,
      "content-length": file.content.length,
      "content-disposition": contentDisposition(file.file_name ?? "file", { type: "attachment" }),
    });
    response.end(file.content);
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    if (!sameSite(request, url)) return json(response, 403, { error: "the playground only answers pages of its own address" });
    if (api.handle(request, response)) return;
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const asset = request.method === "GET" ? assets[path] : undefined;
    if (asset) {
      const csp = contentSecurityPolicy(miniAppPage && new URL(miniAppPage).origin);
      response.writeHead(200, { "content-type": asset.type, "cache-control": "no-store", "content-security-policy": csp });
      return void response.end(asset.body);
    }
    const download = /^\/api\/files\/([\w-]+)$/.exec(path);
    if (request.method === "GET" && download) return serveDownload(response, download[1]!);
    const handler = routes[`${request.method} ${path}`];
    if (!handler) return json(response, 404, { error: "not found" });
    await handler(request, response);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.end();
      if (error instanceof PlaygroundInputError) return json(response, 400, { error: error.message });
      if (error instanceof BodyTooLarge) return json(response, 413, { error: `the file is over ${sizeInWords(error.maxBytes)}` });
      if (error instanceof SyntaxError) return json(response, 400, { error: "the request is not JSON" });
      json(response, 500, { error: "the playground failed on this request" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token: api.token,
    api,
    serveMiniApp: (page) => void (miniAppPage = page),
    stop: () => stopServer(server, api, streams),
  };
}

/** A port of 127.0.0.1 that nothing listens on now: the playground bot's Mini App takes it a moment later. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function stopServer(server: Server, api: BotApi, streams: Set<ServerResponse>): Promise<void> {
  api.shutdown();
  for (const stream of streams) stream.end();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // The bot's keep-alive sockets close with the bot; this only bounds a straggler.
    setTimeout(() => server.closeAllConnections(), 200).unref();
  });
}

/**
 * A web page elsewhere could otherwise post to 127.0.0.1 from the user's browser, or reach it under a name of its
 * own that resolves here (DNS rebinding): the Host must be this address, and an Origin, when sent, this page.
 */
function sameSite(request: IncomingMessage, url: string): boolean {
  const host = request.headers.host ?? "";
  const { port } = new URL(url);
  const hostOk = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host);
  const origin = request.headers.origin;
  return hostOk && (origin === undefined || origin === `http://${host}`);
}

async function jsonBody<T>(request: IncomingMessage): Promise<Partial<T>> {
  if (!(request.headers["content-type"] ?? "").startsWith("application/json")) throw new PlaygroundInputError("expected a JSON body");
  const parsed: unknown = JSON.parse((await readBody(request, JSON_BODY_BYTES)).toString("utf8"));
  if (parsed === null || typeof parsed !== "object") throw new PlaygroundInputError("expected a JSON object");
  return parsed as Partial<T>;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}

const optionalNumber = <K extends string>(key: K, value: unknown) =>
  (typeof value === "number" && Number.isInteger(value) ? { [key]: value } : {}) as Partial<Record<K, number>>;
const optionalText = <K extends string>(key: K, value: unknown) => (typeof value === "string" ? { [key]: value } : {}) as Partial<Record<K, string>>;

const sizeInWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MiB` : `${Math.floor(bytes / 1024)} KiB`);
