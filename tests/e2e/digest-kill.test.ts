import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { databaseFile, eventually, startBot, tempDatabasePath, type BotProcess } from "../support/bot-process.js";
import { startEmulator, type Emulator, type RecordedCall } from "../../src/emulator/index.js";

const USERS = Array.from({ length: 120 }, (_, i) => 1001 + i);
// Unpaced at 1000 a second: the kill does not need time, it happens inside the emulator's handling of the 30th
// digest, and digests go out one after another, so the run is in its middle however fast it goes.
const ENV = { DIGEST_TICK_SECONDS: "1", DIGEST_SENDS_PER_SECOND: "1000" };

/** A fixed-offset zone where it is about noon now, so the run never straddles a local midnight (a new day is a new digest). */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours();
  // The Etc zones count the other way round: Etc/GMT-3 is UTC+3.
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

async function migrate(path: string): Promise<void> {
  const db = openDatabase(path);
  await migrateToLatest(db);
  await db.destroy();
}

/** Users whose digest (at local midnight) is due, each with three unread links whose pages need no fetching. */
function seedDueUsers(path: string, zone: string): void {
  const db = new SQLite(path);
  const user = db.prepare("insert into users (id, first_name, time_zone, created_at, digest_minute, digest_next_at) values (?, 'u', ?, 0, 0, 0)");
  const link = db.prepare("insert into links (user_id, url, url_key, title, saved_at, fetch_status) values (?, ?, ?, ?, ?, 'done')");
  db.transaction(() => {
    for (const id of USERS) {
      user.run(id, zone);
      for (let i = 0; i < 3; i++) link.run(id, `https://example.org/${id}/${i}`, `https://example.org/${id}/${i}`, `Article ${i} for ${id}`, i);
    }
  })();
  db.close();
}

function integrityCheck(path: string): unknown {
  const db = new SQLite(path);
  try {
    return db.pragma("integrity_check", { simple: true });
  } finally {
    db.close();
  }
}

/**
 * Issue 7: a SIGKILL in the middle of a digest run leaves an intact database, and the restarted bot finishes
 * the run without sending anyone a second digest. A day's digest is claimed in the database before it is
 * sent, and a claim is never taken over: a digest in flight at the kill is sent at most once, possibly not at all.
 */
describe("a SIGKILL during a digest run", () => {
  let emulator: Emulator;
  let bot: BotProcess | undefined;
  const database = tempDatabasePath();
  const { all: sql } = databaseFile(() => database.path);

  const isDigest = (call: RecordedCall) => call.response.ok && String(call.payload.text).includes("Your linklog");
  /** Successful digest sends per chat, over every process that ran against the emulator. */
  const digestsPerChat = () => {
    const counts = new Map<number, number>();
    for (const call of emulator.callsOf("sendMessage").filter(isDigest)) {
      const chat = Number(call.payload.chat_id);
      counts.set(chat, (counts.get(chat) ?? 0) + 1);
    }
    return counts;
  };
  /**
   * SIGKILLs the bot the moment Telegram has taken its nth digest, before the answer leaves the emulator:
   * the digest reached the user, and the process died before it could learn so (the worst moment to die).
   */
  const killAtDigest = (victim: BotProcess, n: number) =>
    emulator.waitForCall(
      "sendMessage",
      (call) => {
        if (!isDigest(call) || digestsPerChat().size < n) return false;
        victim.process.kill("SIGKILL");
        return true;
      },
      { timeoutMs: 10_000 },
    );
  const count = (query: string, ...params: unknown[]) => sql<{ n: number }>(query, ...params)[0]!.n;

  beforeAll(async () => {
    emulator = await startEmulator();
    await migrate(database.path);
    seedDueUsers(database.path, zoneAtNoon());
    for (const id of USERS) emulator.knowPrivateChat(id);
  });
  afterAll(async () => {
    await bot?.stop();
    await emulator.close();
    database.cleanup();
  });

  it("leaves the database intact, and after the restart every user has exactly one digest", async () => {
    const first = (bot = await startBot(emulator, database.path, ENV));
    const inFlight = Number((await killAtDigest(first, 30)).payload.chat_id);
    await first.exited;
    expect(digestsPerChat().size).toBeLessThan(USERS.length);
    expect(integrityCheck(database.path)).toBe("ok");
    // Digests go out one after another, and the day is claimed before its digest is sent: the one in flight is the only claim left open.
    expect(sql("select user_id from digest_sends where status = 'sending'")).toEqual([{ user_id: inFlight }]);

    bot = await startBot(emulator, database.path, ENV);
    await eventually(
      () =>
        count("select count(*) as n from users where digest_next_at <= ?", Date.now()) === 0 &&
        count("select count(*) as n from digest_sends where status != 'sending' or user_id = ?", inFlight) === USERS.length,
      "the restarted run to finish",
      10_000,
    );
    await bot.stop();

    const perChat = digestsPerChat();
    expect([...perChat].filter(([, n]) => n !== 1)).toEqual([]);
    expect(USERS.filter((id) => !perChat.has(id))).toEqual([]);
    expect(integrityCheck(database.path)).toBe("ok");
  });
});
