// Update throughput: forwarded channel posts with 1–3 links, each answered with tags, fed through the real bot
// (bot.handleUpdate, a real SQLite file in WAL mode, the Bot API answered in-process by a transformer) against a
// bare grammY bot that only replies, fed by the same code with the same updates.
import type { Message, Update, UserFromGetMe } from "@grammyjs/types";
import { Bot } from "grammy";
import { pino } from "pino";
import { createBot } from "../src/bot/create-bot.js";
import { parseConfig } from "../src/config/config.js";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { tempDatabasePath } from "../tests/support/bot-process.js";
import { medianOfRuns, percentile, RUNS, type Figure, type Scale } from "./report.js";
import { seededRandom } from "./seeded.js";

const SAVES: Record<Scale, number> = { full: 20_000, quick: 2_000, tiny: 40 };
const USERS = 500;
const TOKEN = "123456:bench-token-not-secret";
const BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: "linklog",
  username: "linklog_bench_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
const WORDS = ["elixir", "beam", "otp", "rust", "调度", "进程", "scheduler", "ownership"];

/**
 * Answers every API call at once with what Telegram would return, so only the bot's own work is measured. It sits
 * where the network would be, not in a transformer: the conversations plugin builds its own Api for the calls made
 * inside a conversation, which carries the client options but none of the bot's transformers.
 */
function answeringInProcess(): typeof fetch {
  let messageId = 1_000_000;
  return async (input, init) => {
    const method = String(input).slice(String(input).lastIndexOf("/") + 1);
    const p = JSON.parse(String(init?.body ?? "{}")) as { chat_id?: number; text?: string; reply_markup?: Message["reply_markup"] };
    const sent = { message_id: ++messageId, date: 0, chat: { id: p.chat_id, type: "private", first_name: "u" }, text: p.text, reply_markup: p.reply_markup };
    const result = method.startsWith("send") || method === "editMessageText" ? sent : true;
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  };
}

/** Pairs of updates per save: the forwarded post, then the tag answer from the same user. */
function linkSaveUpdates(saves: number, seed: number): Update[] {
  const random = seededRandom(seed);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const updates: Update[] = [];
  for (let i = 0; i < saves; i++) {
    const userId = 1 + (i % USERS);
    const chat = { id: userId, type: "private" as const, first_name: "u" };
    const from = { id: userId, is_bot: false, first_name: "u" };
    const urls = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => `https://example.org/${seed}/${i}/${k}/${pick()}`);
    const lines = urls.map((url) => `${url} ${pick()} ${pick()} ${pick()}`);
    let offset = 0;
    const entities = urls.map((url, k) => {
      const entity = { type: "url" as const, offset, length: url.length };
      offset += lines[k]!.length + 1;
      return entity;
    });
    const origin = { type: "channel" as const, chat: { id: -100777, type: "channel" as const, title: "Elixir Weekly" }, message_id: i, date: 0 };
    const message = { message_id: 2 * i + 1, date: 0, chat, from, text: lines.join("\n"), entities, forward_origin: origin };
    const answer = { message_id: 2 * i + 2, date: 0, chat, from, text: `${pick()} #${pick()}` };
    updates.push({ update_id: 2 * i + 1, message } as Update, { update_id: 2 * i + 2, message: answer } as Update);
  }
  return updates;
}

/** The same feeding code for both bots: one update at a time, each timed. */
async function feed(handle: (update: Update) => Promise<void>, updates: readonly Update[]) {
  const latencies: number[] = [];
  const started = performance.now();
  for (const update of updates) {
    const at = performance.now();
    await handle(update);
    latencies.push(performance.now() - at);
  }
  const seconds = (performance.now() - started) / 1000;
  return { savesPerSecond: updates.length / 2 / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function realBotRun(updates: readonly Update[]) {
  const file = tempDatabasePath();
  const db = openDatabase(file.path);
  await migrateToLatest(db);
  const config = parseConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: file.path, RATE_LIMIT_UPDATES: "1000000" });
  const { bot } = createBot({ config, db, logger: pino({ level: "silent" }), botInfo: BOT_INFO, fetch: answeringInProcess() });
  const result = await feed((update) => bot.handleUpdate(update), updates);
  await db.destroy();
  file.cleanup();
  return result;
}

async function bareBotRun(updates: readonly Update[]) {
  const bot = new Bot(TOKEN, { botInfo: BOT_INFO, client: { fetch: answeringInProcess() } });
  bot.on("message", (ctx) => ctx.reply("ok"));
  return await feed((update) => bot.handleUpdate(update), updates);
}

export async function updateThroughput(scale: Scale): Promise<Figure[]> {
  const saves = SAVES[scale];
  const updates = linkSaveUpdates(saves, 11);
  const m = await medianOfRuns(RUNS[scale], async () => {
    const real = await realBotRun(updates);
    const bare = await bareBotRun(updates);
    return { real: real.savesPerSecond, bare: bare.savesPerSecond, p50: real.p50, p99: real.p99, bareP50: bare.p50, bareP99: bare.p99 };
  });
  return [
    { figure: `updates: link saves with tag answers, ${saves} saves`, value: m.real, unit: "saves/s", baseline: m.bare, ratio: m.real / m.bare },
    { figure: "updates: latency per update p50", value: m.p50, unit: "ms", baseline: m.bareP50, ratio: m.p50 / m.bareP50 },
    { figure: "updates: latency per update p99", value: m.p99, unit: "ms", baseline: m.bareP99, ratio: m.p99 / m.bareP99 },
  ];
}
