import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import type { DB } from "../db/connection.js";
import type { User } from "../db/schema.js";
import type { Logger } from "../logger.js";
import { upsertUser } from "../store/users.js";
import { createI18n, translatorFor } from "../telegram/i18n.js";
import { ApiFailure, readJson, sendJson } from "./http.js";
import { validateInitData } from "./init-data.js";
import { ROUTES, type Call, type Route, type RouteContext } from "./routes.js";
import { defaultPageDirectory, serveStatic } from "./static-files.js";

export interface MiniAppOptions {
  db: DB;
  logger: Logger;
  /** initData is signed with it; nothing else signs anyone in. */
  botToken: string;
  /** ALLOWED_USER_IDS: anyone else is refused (403), as the bot refuses them. */
  allowedUserIds?: ReadonlySet<number>;
  /** DEFAULT_TIMEZONE, for a user who opens the page before ever writing to the bot. */
  defaultTimeZone: string;
  clock?: () => number;
  /** The built page (index.html, app.js, app.css); default dist/miniapp/ at the project's root. */
  pageDirectory?: string;
  /** Where locales/<locale>/mini-app.ftl are; default the project's locales/. */
  localesDirectory?: string;
}

/** A request's path below /app/: what the page's server answers. */
export type MiniAppHandler = (request: IncomingMessage, response: ServerResponse, pagePath: string) => Promise<void>;

const MAX_BODY_BYTES = 64 * 1024;
const API = "api/";

function routeOf(method: string | undefined, path: string): { route: Route; ids: number[] } | { allow: string[] } | undefined {
  const matching = ROUTES.flatMap((route) => {
    const match = route.pattern.exec(path);
    return match ? [{ route, ids: match.slice(1).map(Number) }] : [];
  });
  if (matching.length === 0) return undefined;
  return matching.find(({ route }) => route.method === method) ?? { allow: matching.map(({ route }) => route.method) };
}

function initDataOf(request: IncomingMessage): string | undefined {
  return /^tma (.+)$/.exec(request.headers.authorization ?? "")?.[1];
}

/**
 * The signed-in user, stored as the bot stores a user on first contact (upsertUser, as bot/middlewares/current-user
 * does): a user may open the page from the menu button before writing to the bot, and then sees an empty library
 * in their own zone and language, and the digest waits for a zone as it would after /start.
 */
async function signIn(request: IncomingMessage, options: MiniAppOptions, now: number): Promise<User> {
  const check = validateInitData(initDataOf(request), options.botToken, now);
  if (!check.ok) throw new ApiFailure(401, { error: "unauthorized", reason: check.reason });
  if (options.allowedUserIds && !options.allowedUserIds.has(check.user.id)) {
    options.logger.info({ userId: check.user.id }, "refused a Mini App user outside ALLOWED_USER_IDS");
    throw new ApiFailure(403, { error: "forbidden" });
  }
  return await upsertUser(options.db, check.user, options.defaultTimeZone, now);
}

async function answerApi(options: MiniAppOptions, context: RouteContext, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const found = routeOf(request.method, path);
  if (!found) throw new ApiFailure(404, { error: "not-found" });
  if ("allow" in found) return sendJson(response, 405, { error: "method-not-allowed" }, { allow: found.allow.join(", ") });
  const now = (options.clock ?? Date.now)();
  const user = await signIn(request, options, now);
  const body = found.route.body ? await readJson(request, MAX_BODY_BYTES) : undefined;
  const params = new URL(request.url ?? "/", "http://localhost").searchParams;
  const call: Call = { user, now, params, ids: found.ids, body };
  const answer = await found.route.handle(call, context);
  sendJson(response, answer.status, answer.body);
}

/** Serves /app/: the page's files, and its JSON API under /app/api/ (src/miniapp/api-types.ts). */
export function createMiniAppHandler(options: MiniAppOptions): MiniAppHandler {
  const pageDirectory = options.pageDirectory ?? defaultPageDirectory();
  const i18n = createI18n();
  const context: RouteContext = {
    db: options.db,
    localesDirectory: options.localesDirectory ?? fileURLToPath(new URL("../../locales", import.meta.url)),
    translate: (user) => translatorFor(i18n, user),
  };
  return async (request, response, pagePath) => {
    if (!pagePath.startsWith(API)) return await serveStatic(pageDirectory, pagePath, request, response);
    try {
      await answerApi(options, context, request, response, pagePath.slice(API.length));
    } catch (error) {
      // A body cut short is still arriving: the connection closes rather than read the rest.
      if (error instanceof ApiFailure) return sendJson(response, error.status, error.body, error.status === 413 ? { connection: "close" } : {});
      options.logger.error({ err: error, method: request.method, path: pagePath }, "a Mini App request failed");
      if (!response.headersSent) sendJson(response, 500, { error: "internal" });
      else response.destroy();
    }
  };
}
