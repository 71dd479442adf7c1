// Digest fan-out: N users due in the same minute, sent through the real scheduler to the Bot API emulator,
// while another user keeps sending commands. Reports the achieved send rate against Telegram's ~30 msg/s
// broadcast ceiling and how long the ordinary commands waited for their answers.
import SQLite from "better-sqlite3";
import { startEmulator } from "../src/emulator/index.js";
import { tempDatabasePath } from "../tests/support/bot-process.js";
import { startInProcess } from "../tests/support/in-process.js";
import { median, passWindows, percentile, ratePerSecond, type Figure, type Scale } from "./report.js";

const CEILING = 30;
const COMMAND_EVERY_MS = 250;
const USERS: Record<Scale, number> = { full: 10_000, quick: 200, tiny: 30 };
function seedDueUsers(path: string, users: number, dueAt: number): void {
  const db = new SQLite(path);
  // Digest time 00:00, so that today's digest is due whatever the hour the bench runs at (08:00, the default, is not
  // yet due in the morning, and the scheduler would only move the users to it).
  const user = db.prepare("insert into users (id, first_name, time_zone, created_at, digest_minute, digest_next_at) values (?, 'u', 'UTC', 0, 0, ?)");
  const link = db.prepare("insert into links (user_id, url, url_key, title, saved_at) values (?, ?, ?, ?, ?)");
  db.transaction(() => {
    for (let id = 1; id <= users; id++) {
      user.run(id, dueAt);
      for (let i = 0; i < 3; i++) link.run(id, `https://example.org/${id}/${i}`, `https://example.org/${id}/${i}`, `Article ${i} for ${id}`, i);
    }
  })();
  db.close();
}

export async function digestFanout(scale: Scale): Promise<Figure[]> {
  const users = USERS[scale];
  const emulator = await startEmulator();
  const database = tempDatabasePath();
  // Migrations first (a throwaway start), then the due users, then the measured start.
  const warm = await startInProcess(emulator, database.path, Date.now, { LOG_LEVEL: "silent" });
  await warm.stop();
  const dueAt = Date.now();
  seedDueUsers(database.path, users, dueAt);
  for (let id = 1; id <= users; id++) emulator.knowPrivateChat(id);

  const app = await startInProcess(emulator, database.path, Date.now, { LOG_LEVEL: "silent" });
  const asker = emulator.user({ id: users + 1 });
  const latencies: number[] = [];
  let asking = true;
  const askLoop = (async () => {
    while (asking) {
      const since = emulator.mark();
      const sentAt = Date.now();
      asker.command("/today");
      const reply = await emulator.waitForCall("sendMessage", (c) => Number(c.payload.chat_id) === asker.id, { since, timeoutMs: 30_000 });
      latencies.push(reply.at - sentAt);
      await new Promise((resolve) => setTimeout(resolve, COMMAND_EVERY_MS));
    }
  })();

  const since = emulator.mark();
  await app.digest.tick();
  asking = false;
  await askLoop;
  const sends = emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) <= users);
  const tooMany = sends.filter((c) => c.response.error_code === 429).length;
  // At 30 msg/s 10,000 digests take over five minutes: the fan-out runs once, its rate the median over windows.
  const rate = median(passWindows(sends.map((c) => c.at)).map(ratePerSecond));
  await app.stop();
  await emulator.close();
  database.cleanup();
  return [
    { figure: `digest fan-out: send rate, ${users} users (429s: ${tooMany})`, value: rate, unit: "msg/s", baseline: CEILING, ratio: rate / CEILING },
    { figure: "digest fan-out: command answer p50", value: percentile(latencies, 50), unit: "ms" },
    { figure: "digest fan-out: command answer p99", value: percentile(latencies, 99), unit: "ms", baseline: 500, ratio: percentile(latencies, 99) / 500 },
  ];
}
