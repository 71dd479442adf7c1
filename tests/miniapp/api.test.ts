import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/connection.js";
import type {
  BulkResponse,
  FacetsResponse,
  LibraryLink,
  LinkDetail,
  LinksResponse,
  NoteItem,
  SessionResponse,
  StatsResponse,
} from "../../src/miniapp/api-types.js";
import { createMiniAppHandler } from "../../src/miniapp/handler.js";
import { signInitData } from "../../src/miniapp/init-data.js";
import { startHttpServer } from "../../src/server/http-server.js";
import { saveLinks } from "../../src/store/links.js";
import { addNote } from "../../src/store/notes.js";
import { unreadPage } from "../../src/store/reading.js";
import { addLinkTags } from "../../src/store/tags.js";
import { setLanguage, setTimeZone } from "../../src/store/users.js";
import { addUser, createTestDatabase } from "../support/test-db.js";
import { tempDatabasePath } from "../support/bot-process.js";
import { startAppInProcess, type InProcessBot } from "../support/in-process.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";

const TOKEN = "123456:mini-app-test-token";
const NOW = Date.UTC(2026, 11, 3, 12);
const [ME, THEM, STRANGER] = [1, 2, 3];

function initData(userId: number, fields: Record<string, string> = {}): string {
  return signInitData(TOKEN, {
    user: JSON.stringify({ id: userId, first_name: `user${userId}`, language_code: "en" }),
    auth_date: String(NOW / 1000 - 60),
    ...fields,
  });
}

describe("the Mini App's HTTP API", () => {
  let db: DB;
  let server: Server;
  let base: string;
  let pages: string;
  let locales: string;

  beforeAll(() => {
    pages = mkdtempSync(join(tmpdir(), "linklog-page-"));
    writeFileSync(join(pages, "index.html"), "<!doctype html><title>linklog</title>");
    writeFileSync(join(pages, "app.js"), "console.log(1)");
    writeFileSync(join(pages, "app.css"), "body{}");
    locales = mkdtempSync(join(tmpdir(), "linklog-locales-"));
    for (const locale of ["en", "zh"]) {
      mkdirSync(join(locales, locale));
      writeFileSync(join(locales, locale, "mini-app.ftl"), `hello = ${locale}\n`);
    }
  });
  afterAll(() => {
    rmSync(pages, { recursive: true, force: true });
    rmSync(locales, { recursive: true, force: true });
  });

  beforeEach(async () => {
    db = await createTestDatabase();
    for (const id of [ME, THEM]) await addUser(db, id);
    const handler = createMiniAppHandler({
      db,
      logger: pino({ level: "silent" }),
      botToken: TOKEN,
      allowedUserIds: new Set([ME, THEM, 4]),
      defaultTimeZone: "Asia/Shanghai",
      clock: () => NOW,
      pageDirectory: pages,
      localesDirectory: locales,
    });
    server = await startHttpServer({ port: 0, health: async () => ({ ok: true }) as never, requestTimeoutMs: 5000, miniApp: handler });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/app/`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.destroy();
  });

  async function call(path: string, { as = ME, method = "GET", body, auth }: { as?: number; method?: string; body?: unknown; auth?: string } = {}) {
    const response = await fetch(base + path, {
      method,
      headers: { authorization: auth ?? `tma ${initData(as)}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
  }
  const get = async <T>(path: string, as = ME) => {
    const answer = await call(path, { as });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as T;
  };

  async function save(userId: number, url: string, savedAt: number, title: string | null = null) {
    return (await saveLinks(db, userId, [{ url, urlKey: url, title, source: null }], savedAt))[0]!.link.id;
  }

  it("refuses missing, forged and expired initData with the reason, and users outside ALLOWED_USER_IDS", async () => {
    expect(await call("api/links", { auth: "" })).toMatchObject({ status: 401, body: { error: "unauthorized", reason: "missing" } });
    expect(await call("api/links", { auth: `Bearer ${initData(ME)}` })).toMatchObject({ status: 401, body: { reason: "missing" } });
    const forged = new URLSearchParams(initData(ME));
    forged.set("user", JSON.stringify({ id: THEM, first_name: "x" }));
    expect(await call("api/links", { auth: `tma ${forged}` })).toMatchObject({ status: 401, body: { reason: "invalid" } });
    expect(await call("api/links", { auth: `tma ${signInitData("654321:another-bot", { user: '{"id":1}', auth_date: String(NOW / 1000) })}` })).toMatchObject({
      status: 401,
      body: { reason: "invalid" },
    });
    expect(await call("api/links", { auth: `tma ${initData(ME, { auth_date: String(NOW / 1000 - 86_401) })}` })).toMatchObject({
      status: 401,
      body: { reason: "expired" },
    });
    expect(await call("api/links", { as: STRANGER })).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(await db.selectFrom("users").select("id").where("id", "=", STRANGER).executeTakeFirst()).toBeUndefined();
  });

  it("signs in a user the bot has not met yet, as the bot would store them, with an empty library", async () => {
    const session = await get<SessionResponse>("api/session", 4);
    expect(session).toEqual({ user: { id: 4, firstName: "user4" }, locale: "en", timeZone: "Asia/Shanghai", today: "2026-12-03", messages: "hello = en\n" });
    expect(await get<LinksResponse>("api/links", 4)).toEqual({ links: [], next: null });
  });

  it("answers the session in the language chosen with /language, else Telegram's, and the zone chosen with /timezone", async () => {
    await setLanguage(db, ME, "zh");
    await setTimeZone(db, ME, "America/Los_Angeles");
    expect(await get<SessionResponse>("api/session")).toMatchObject({
      locale: "zh",
      timeZone: "America/Los_Angeles",
      today: "2026-12-03",
      messages: "hello = zh\n",
    });
    const chinese = initData(THEM, { user: JSON.stringify({ id: THEM, first_name: "二", language_code: "zh-hans" }) });
    expect(await call("api/session", { auth: `tma ${chinese}` })).toMatchObject({ body: { locale: "zh", user: { id: THEM, firstName: "二" } } });
  });

  it("never shows one user another's links, notes or tags, by id or by filter", async () => {
    const mine = await save(ME, "https://github.com/mine", NOW - 1000, "mine 进程");
    const theirs = await save(THEM, "https://github.com/theirs", NOW - 500, "theirs 进程");
    await addLinkTags(db, THEM, [theirs], ["secret"], NOW);
    const note = await addNote(db, { userId: THEM, linkId: theirs, text: "their note", source: { chatId: THEM, messageId: 9 }, now: NOW });
    const ids = (body: LinksResponse) => body.links.map((link) => link.id);
    for (const query of ["", "?state=all", "?tag=secret", "?site=github.com&state=all", "?q=%E8%BF%9B%E7%A8%8B&state=all", "?q=note&state=all"]) {
      expect(ids(await get<LinksResponse>(`api/links${query}`))).not.toContain(theirs);
    }
    expect(ids(await get<LinksResponse>("api/links?q=%E8%BF%9B%E7%A8%8B"))).toEqual([mine]);
    expect((await get<FacetsResponse>("api/facets?state=all")).tags).toEqual([]);
    expect((await get<FacetsResponse>("api/facets?state=all")).sites).toEqual([{ site: "github.com", count: 1 }]);
    expect((await call(`api/links/${theirs}`)).status).toBe(404);
    expect((await call(`api/links/${theirs}/notes`, { method: "POST", body: { text: "mine now" } })).status).toBe(404);
    expect((await call(`api/notes/${note!.id}`, { method: "PATCH", body: { text: "changed" } })).status).toBe(404);
    expect((await call(`api/notes/${note!.id}`, { method: "DELETE" })).status).toBe(404);
    for (const action of ["read", "delete", "add-tags", "remove-tags"]) {
      expect(await call("api/bulk", { method: "POST", body: { ids: [theirs], action, tags: ["secret"] } })).toMatchObject({
        status: 200,
        body: { changed: 0 },
      });
    }
    expect(await get<LinkDetail>(`api/links/${theirs}`, THEM)).toMatchObject({ tags: ["secret"], readAt: null, notes: [{ text: "their note" }] });
  });

  it("filters by state, tag, site and local days, and pages on by cursor without duplicates or gaps", async () => {
    await setTimeZone(db, ME, "Asia/Shanghai");
    const ids: number[] = [];
    // Saved over ten hours around midnight in Shanghai (UTC+8), three links at each instant.
    for (let i = 0; i < 30; i++)
      ids.push(await save(ME, `https://${i % 2 ? "www.zhihu.com" : "github.com"}/${i}`, Date.UTC(2026, 11, 1, 10) + Math.floor(i / 3) * 3_600_000));
    await addLinkTags(db, ME, ids.slice(0, 10), ["rust"], NOW);
    await call("api/bulk", { method: "POST", body: { ids: ids.slice(0, 5), action: "read" } });
    const all: number[] = [];
    let next: string | null = null;
    do {
      const page: LinksResponse = await get<LinksResponse>(`api/links?state=all&limit=7${next ? `&cursor=${encodeURIComponent(next)}` : ""}`);
      all.push(...page.links.map((link) => link.id));
      next = page.next;
    } while (next);
    expect(all).toEqual([...ids].reverse());
    const count = async (query: string) => (await get<LinksResponse>(`api/links?limit=100&${query}`)).links.length;
    expect(await count("")).toBe(25);
    expect(await count("state=read")).toBe(5);
    expect(await count("state=all&tag=rust")).toBe(10);
    expect(await count("tag=rust")).toBe(5);
    expect(await count("state=all&site=zhihu.com")).toBe(15);
    // 2026-12-01 in Shanghai ends at 16:00 UTC: saves from 10:00 to 15:00 UTC, three an hour.
    expect(await count("state=all&from=2026-12-01&to=2026-12-01")).toBe(18);
    expect(await count("state=all&from=2026-12-02")).toBe(12);
    const link = (await get<LinksResponse>("api/links?state=all&limit=1")).links[0]!;
    expect(link).toEqual<LibraryLink>({
      id: ids[29]!,
      url: "https://www.zhihu.com/29",
      title: null,
      // Untitled, it goes by its short address, as in the bot's lists.
      name: "zhihu.com › 29",
      site: "zhihu.com",
      tags: [],
      savedAt: Date.UTC(2026, 11, 1, 19),
      readAt: null,
      day: "2026-12-02",
      noteCount: 0,
    });
  });

  it("searches as /search does, Chinese included, with the matching note as plain text", async () => {
    const a = await save(ME, "https://example.org/a", NOW - 3000, "操作系统的进程调度");
    const b = await save(ME, "https://example.org/b", NOW - 2000, "Unrelated");
    await addNote(db, { userId: ME, linkId: b, text: "讲进程 <和> 线程", source: { chatId: ME, messageId: 3 }, now: NOW });
    const found = await get<LinksResponse>(`api/links?q=${encodeURIComponent("进程")}`);
    expect(new Set(found.links.map((link) => link.id))).toEqual(new Set([a, b]));
    expect(found.links.find((link) => link.id === b)?.snippet).toBe("讲进程 <和> 线程");
  });

  it("marks read in bulk so that /unread no longer lists them, and deletes with an undo that brings tags and notes back", async () => {
    const [a, b, c] = [await save(ME, "https://e.org/a", 1), await save(ME, "https://e.org/b", 2), await save(ME, "https://e.org/c", 3)];
    await addLinkTags(db, ME, [a], ["rust"], NOW);
    const read = await call("api/bulk", { method: "POST", body: { ids: [a, b], action: "read" } });
    expect(read).toMatchObject({ status: 200, body: { changed: 2 } });
    expect((await unreadPage(db, ME, { tags: [], oldestFirst: false }, 0, 10)).links.map((link) => link.id)).toEqual([c]);
    await call(`api/links/${a}/notes`, { method: "POST", body: { text: "a note" } });
    const before = await get<LinkDetail>(`api/links/${a}`);
    const deleted = (await call("api/bulk", { method: "POST", body: { ids: [a, c], action: "delete" } })).body as BulkResponse;
    expect(deleted).toEqual({ changed: 2, undo: [a, c] });
    expect((await call(`api/links/${a}`)).status).toBe(404);
    expect(await call("api/bulk", { method: "POST", body: { ids: deleted.undo, action: "restore" } })).toMatchObject({ body: { changed: 2 } });
    expect(await get<LinkDetail>(`api/links/${a}`)).toEqual(before);
    expect(await call("api/bulk", { method: "POST", body: { ids: [a], action: "add-tags", tags: ["#Go"] } })).toMatchObject({ body: { changed: 1 } });
    expect((await get<LinkDetail>(`api/links/${a}`)).tags).toEqual(["go", "rust"]);
  });

  it("adds, edits and deletes notes", async () => {
    const a = await save(ME, "https://e.org/a", 1);
    const added = await call(`api/links/${a}/notes`, { method: "POST", body: { text: " 第一条 " } });
    expect(added).toMatchObject({ status: 201, body: { text: "第一条", createdAt: NOW, updatedAt: NOW } });
    const note = added.body as NoteItem;
    expect(await call(`api/notes/${note.id}`, { method: "PATCH", body: { text: "edited" } })).toMatchObject({
      status: 200,
      body: { id: note.id, text: "edited" },
    });
    expect((await get<LinkDetail>(`api/links/${a}`)).notes).toEqual([{ ...note, text: "edited" }]);
    expect((await call(`api/notes/${note.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await get<LinkDetail>(`api/links/${a}`)).notes).toEqual([]);
    expect((await call(`api/notes/${note.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("answers bad input 400, big bodies 413, unknown routes 404 and other methods 405", async () => {
    const a = await save(ME, "https://e.org/a", 1);
    for (const query of ["state=new", "limit=0", "limit=101", "cursor=bogus", "from=2026-13-01", "from=2026-12-02&to=2026-12-01", "tag="]) {
      expect((await call(`api/links?${query}`)).status, query).toBe(400);
    }
    expect(await call("api/bulk", { method: "POST", body: "{not json" })).toMatchObject({ status: 400, body: { error: "bad-request" } });
    for (const body of [
      { ids: [a], action: "explode" },
      { ids: ["1"], action: "read" },
      { ids: [a], action: "add-tags" },
      { ids: [a], action: "add-tags", tags: ["!!"] },
    ]) {
      expect((await call("api/bulk", { method: "POST", body })).status).toBe(400);
    }
    expect((await call(`api/links/${a}/notes`, { method: "POST", body: { text: "   " } })).status).toBe(400);
    expect(await call("api/bulk", { method: "POST", body: JSON.stringify({ ids: [a], action: "read", pad: "x".repeat(70_000) }) })).toMatchObject({
      status: 413,
      body: { error: "too-large" },
    });
    expect(await call("api/nothing")).toMatchObject({ status: 404, body: { error: "not-found" } });
    expect((await call("api/links/abc")).status).toBe(404);
    const wrong = await call("api/bulk");
    expect(wrong).toMatchObject({ status: 405, body: { error: "method-not-allowed" } });
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("serves the page with its content types, a strict CSP and nosniff, and nothing outside its folder", async () => {
    const index = await fetch(base);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(index.headers.get("content-security-policy")).toContain("img-src 'self' data:");
    expect(index.headers.get("x-content-type-options")).toBe("nosniff");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(await index.text()).toContain("linklog");
    expect((await fetch(`${base}app.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${base}app.css`)).headers.get("content-type")).toBe("text/css; charset=utf-8");
    const etag = (await fetch(`${base}app.js`)).headers.get("etag")!;
    expect((await fetch(`${base}app.js`, { headers: { "if-none-match": etag } })).status).toBe(304);
    for (const path of ["missing.js", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/secret.js", ".hidden.js"]) expect((await fetch(base + path)).status, path).toBe(404);
    expect((await fetch(`${base}app.js`, { method: "POST" })).status).toBe(405);
    const bare = await fetch(base.replace(/\/$/, ""), { redirect: "manual" });
    expect([bare.status, bare.headers.get("location")]).toEqual([301, "app/"]);
  });

  it("answers api/stats with /stats's figures for the signed-in user alone, the chart and summary in their language", async () => {
    const read = await save(ME, "https://github.com/read", NOW - 3 * 86_400_000, "Read one");
    await save(ME, "https://github.com/unread", NOW - 2 * 86_400_000, "Unread one");
    await save(THEM, "https://zhihu.com/theirs", NOW - 86_400_000, "Theirs");
    await db
      .updateTable("links")
      .set({ read_at: NOW - 86_400_000 })
      .where("id", "=", read)
      .execute();
    const stats = await get<StatsResponse>("api/stats");
    expect(stats.report).toMatchObject({ backlog: 1, streak: { current: 1, longest: 1 }, topSites: [{ site: "github.com", count: 2 }] });
    expect(stats.report.weeks).toHaveLength(26);
    expect(stats.svg).toMatch(/^<svg[^>]*viewBox/);
    // The page's theme colours the chart: no palette of the PNG's rides along.
    expect(stats.svg).not.toContain("<style>");
    expect(stats.summary).toMatch(/1 link is unread/);
    await setLanguage(db, ME, "zh");
    expect((await get<StatsResponse>("api/stats")).summary).toMatch(/未读/);
  });
});

/** A port nobody listens on now, for PORT (config takes no 0). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("the app with WEB_APP_URL in polling mode", () => {
  const database = tempDatabasePath();
  let emulator: Emulator;
  let bot: InProcessBot | undefined;
  let port: number;
  beforeAll(async () => {
    emulator = await startEmulator();
    port = await freePort();
    bot = await startAppInProcess(emulator, database.path, { WEB_APP_URL: "https://linklog.example.org", PORT: String(port) });
  });
  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
    database.cleanup();
  });

  it("serves the Mini App's API on its port, signed with the bot's token", async () => {
    const app = bot!.app;
    expect(app.port).toBe(port);
    const auth = `tma ${signInitData(emulator.token, { user: JSON.stringify({ id: 77, first_name: "Ann" }), auth_date: String(Math.floor(Date.now() / 1000)) })}`;
    const session = await fetch(`http://127.0.0.1:${app.port}/app/api/session`, { headers: { authorization: auth } });
    expect(session.status).toBe(200);
    expect(((await session.json()) as SessionResponse).user).toEqual({ id: 77, firstName: "Ann" });
    expect((await fetch(`http://127.0.0.1:${app.port}/app/api/session`)).status).toBe(401);
    expect([200, 503]).toContain((await fetch(`http://127.0.0.1:${app.port}/healthz`)).status);
  });
});
