import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { startEmulator, type Emulator, type EmulatedUser } from "../../src/emulator/index.js";
import { holdingProxy, type HoldingProxy } from "../support/api-proxy.js";
import { eventually, readDatabase, startBot, type BotProcess } from "../support/bot-process.js";
import { serveLocally, type LocalServer } from "../support/local-server.js";
import { adminQuery, databaseUrl, dropDatabase, postgresUnavailable } from "../support/postgres.js";

const CHATS = 50;
const PER_CHAT = 40;
const FIRST_USER = 7001;
const PUBLIC_URL = "https://linklog.example/telegram";
const SECRET = "multi-instance-secret-0123456789";
const unavailable = await postgresUnavailable();

async function freePort(): Promise<number> {
  return await new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A fixed-offset zone where it is about noon now, so the run never straddles a local midnight (a new day is a new digest). */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

/** The users, known already, each with an unread link and a digest due at their local midnight: due now. */
async function seedUsers(db: DB): Promise<void> {
  const zone = zoneAtNoon();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < CHATS; i++) {
      const id = FIRST_USER + i;
      await trx
        .insertInto("users")
        .values({ id, first_name: `u${id}`, time_zone: zone, created_at: 0, digest_minute: 0, digest_next_at: 0 })
        .execute();
      await trx
        .insertInto("links")
        .values({
          user_id: id,
          url: `https://example.org/${id}`,
          url_key: `https://example.org/${id}`,
          title: `Older ${id}`,
          saved_at: 1,
          fetch_status: "done",
        })
        .execute();
    }
  });
}

/** User's `n`th message: a link to a page of the test's site first, then searches whose answers name n. */
function send(site: LocalServer, user: EmulatedUser, n: number): void {
  if (n === 0) user.sendText(`${site.origin}/page/${user.id}`);
  else user.command(`/search w${user.id}n${n}`);
}

/**
 * Issue 19: three bot processes in webhook mode on one PostgreSQL database, behind one public webhook address (the
 * emulator posts to the three in turn, each chat's updates one after another, as Telegram does), one SIGKILLed in
 * the middle of handling updates and started again.
 */
describe.skipIf(unavailable)(`several instances on one PostgreSQL database${unavailable ? ` (skipped: ${unavailable})` : ""}`, () => {
  let emulator: Emulator;
  let site: LocalServer;
  let proxy: HoldingProxy;
  const name = `linklog_multi_${randomBytes(4).toString("hex")}`;
  const url = databaseUrl(name);
  const bots: BotProcess[] = [];
  const ports: number[] = [];
  const pageHits = new Map<string, number>();

  const start = (i: number, { viaProxy = i === 1 } = {}) =>
    startBot(emulator, url, {
      WEBHOOK_URL: PUBLIC_URL,
      WEBHOOK_SECRET: SECRET,
      PORT: String(ports[i]),
      DIGEST_TICK_SECONDS: "1",
      DIGEST_SENDS_PER_SECOND: "1000",
      FETCH_ALLOW_PRIVATE: "true",
      INBOX_LEASE_SECONDS: "3",
      DATABASE_POOL_SIZE: "5",
      // The victim's calls go through a proxy that can stop its answers from reaching the user.
      ...(viaProxy ? { TELEGRAM_API_ROOT: proxy.apiRoot } : {}),
    });

  beforeAll(async () => {
    await adminQuery(`create database ${name}`);
    const db = openDatabase(url);
    await migrateToLatest(db);
    await seedUsers(db);
    await db.destroy();
    site = await serveLocally(
      Object.fromEntries(
        Array.from({ length: CHATS }, (_, i) => [
          `/page/${FIRST_USER + i}`,
          (request, response) => {
            pageHits.set(request.url!, (pageHits.get(request.url!) ?? 0) + 1);
            response.writeHead(200, { "content-type": "text/html" }).end(`<title>Page of ${FIRST_USER + i}</title>`);
          },
        ]),
      ),
    );
    emulator = await startEmulator();
    for (let i = 0; i < CHATS; i++) emulator.knowPrivateChat(FIRST_USER + i);
    proxy = await holdingProxy(emulator.apiRoot);
    for (let i = 0; i < 3; i++) ports.push(await freePort());
    emulator.routeWebhook(
      PUBLIC_URL,
      ports.map((port) => `http://127.0.0.1:${port}/telegram`),
    );
    bots.push(...(await Promise.all([0, 1, 2].map((i) => start(i)))));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await emulator?.close();
    await proxy?.close();
    await site?.close();
    await dropDatabase(name);
  });

  /** The numbers n of the answered searches in a chat, in the order the answers arrived. */
  const answered = (chat: number) =>
    emulator.chatMessages(chat).flatMap((message) => {
      const found = new RegExp(`w${chat}n(\\d+)`).exec(message.text ?? "");
      return found ? [Number(found[1])] : [];
    });
  const totalAnswered = () => Array.from({ length: CHATS }, (_, i) => answered(FIRST_USER + i).length).reduce((a, b) => a + b, 0);
  const digestsOf = (chat: number) => emulator.chatMessages(chat).filter((message) => message.text?.includes("Your linklog")).length;

  it("answers each of 2,000 updates exactly once and in each chat's order, sends each digest once, fetches each page once", async () => {
    const users: EmulatedUser[] = Array.from({ length: CHATS }, (_, i) => emulator.user({ id: FIRST_USER + i, first_name: `u${i}`, language_code: "en" }));
    // Every user's digest, sent by whichever instance claimed it.
    await eventually(() => users.every((user) => digestsOf(user.id) >= 1), "a digest for every user", 30_000);

    for (let n = 0; n < PER_CHAT; n++) for (const user of users) send(site, user, n);

    // Midway, the second instance's answers stop on their way and it is killed while handling updates.
    await eventually(() => totalAnswered() >= (CHATS * (PER_CHAT - 1)) / 2, "half of the searches answered", 60_000);
    proxy.holdSends();
    // Killed when every update it has taken and not finished waits on its held answer: none of them reached the user.
    const inFlight = () =>
      readDatabase(url).get<{ n: number }>("select count(*) as n from update_inbox where done_at is null and claimed_by like ?", `%:${bots[1]!.process.pid}:%`)!
        .n;
    await eventually(() => proxy.held > 0 && inFlight() === proxy.held, "the victim in the middle of its updates", 10_000);
    bots[1]!.process.kill("SIGKILL");
    await bots[1]!.exited;
    bots[1] = await start(1, { viaProxy: false });

    await eventually(() => totalAnswered() >= CHATS * (PER_CHAT - 1), "every search answered", 120_000);
    for (const user of users) expect(answered(user.id), `chat ${user.id}`).toEqual(Array.from({ length: PER_CHAT - 1 }, (_, i) => i + 1));
    for (const user of users) expect(digestsOf(user.id), `digests of ${user.id}`).toBe(1);
    await eventually(() => pageHits.size === CHATS, "every page fetched", 30_000);
    expect([...pageHits.values()].every((hits) => hits === 1)).toBe(true);
    // No instance met an error on the way (a conflict between two of them would be logged here).
    for (const bot of bots) expect(bot.output()).not.toMatch(/"level":(50|60)/);
  }, 240_000);
});
