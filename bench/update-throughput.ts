// Update throughput: forwarded channel posts with 1–3 links, each answered with tags, fed through the real bot
// (bot.handleUpdate, a real SQLite file in WAL mode or a fresh PostgreSQL database, the Bot API answered
// in-process) against a bare grammY bot that only replies, fed by the same code with the same updates.
import type { Message, Update } from "@grammyjs/types";
import { Bot } from "grammy";
import { pino } from "pino";
import { createBot } from "../src/bot/create-bot.js";
import { parseConfig } from "../src/config/config.js";
import { sql } from "kysely";
import type { DB } from "../src/db/connection.js";
import { TEST_BOT_INFO } from "../src/emulator/index.js";
import { median, passWindows, percentile, ratePerSecond, type Figure, type Scale } from "./report.js";
import { seededRandom } from "./seeded.js";
import { figureName, withFreshDatabase, type DatabaseKind } from "./fresh-database.js";

/** Each save is two updates (the forwarded post and the tag answer): 10,000 saves are 20,000 updates. */
const SAVES: Record<Scale, number> = { full: 10_000, quick: 1_000, tiny: 40 };
/** Fed to the same bot before the measured pass: JIT and SQLite's cache are warm long before this many. */
const WARM_UP_SAVES: Record<Scale, number> = { full: 1_000, quick: 200, tiny: 0 };
const USERS = 500;
/** Updates handled at once, as the runner does (its ceiling is 500; a few dozen keep one core busy). */
const IN_FLIGHT = 50;
const TOKEN = "123456:bench-token-not-secret";
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

/** Pairs of updates per save: the forwarded post, then the tag answer from the same user. Ids start after `firstId`. */
function linkSaveUpdates(saves: number, seed: number, firstId = 0): Update[] {
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
    const id = firstId + 2 * i;
    const message = { message_id: id + 1, date: 0, chat, from, text: lines.join("\n"), entities, forward_origin: origin };
    const answer = { message_id: id + 2, date: 0, chat, from, text: `${pick()} #${pick()}` };
    updates.push({ update_id: id + 1, message } as Update, { update_id: id + 2, message: answer } as Update);
  }
  return updates;
}

interface Fed {
  /** When each update's handling ended (ms), in that order, and how long it took. */
  doneAt: number[];
  latencies: number[];
}

/**
 * The same feeding code for both bots, shaped like the runner: up to IN_FLIGHT updates at once, each chat's in
 * order (the bot's own `sequentialize` holds a chat's next update until its previous one is done).
 */
async function feed(handle: (update: Update) => Promise<void>, updates: readonly Update[]): Promise<Fed> {
  const fed: Fed = { doneAt: [], latencies: [] };
  let next = 0;
  const worker = async () => {
    while (next < updates.length) {
      const update = updates[next++]!;
      const at = performance.now();
      await handle(update);
      const doneAt = performance.now();
      fed.doneAt.push(doneAt);
      fed.latencies.push(doneAt - at);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return fed;
}

/** The pass's figures, each the median over its windows: saves per second, and latency per update. */
function passFigures({ doneAt, latencies }: Fed) {
  const windows = passWindows(doneAt.map((at, i) => ({ at, latency: latencies[i]! })));
  const latencyAt = (p: number) =>
    median(
      windows.map((w) =>
        percentile(
          w.map((u) => u.latency),
          p,
        ),
      ),
    );
  return { savesPerSecond: median(windows.map((w) => ratePerSecond(w.map((u) => u.at)) / 2)), p50: latencyAt(50), p99: latencyAt(99) };
}

/** A run that failed its saves would measure the error path: every link must be stored and tagged. */
async function expectEverySaveTagged(db: DB, updates: readonly Update[]) {
  const sent = updates.reduce((sum, update) => sum + (update.message?.entities?.length ?? 0), 0);
  const { links, untagged } = await sql<{ links: number; untagged: number }>`
    select count(*) as links, count(*) filter (where not exists (select 1 from link_tags where link_id = links.id)) as untagged from links
  `
    .execute(db)
    .then((r) => r.rows[0]!);
  if (links !== sent || untagged !== 0) throw new Error(`the bot stored ${links} of ${sent} links, ${untagged} untagged`);
}

/** The bot warmed up on `warmUp`, then measured on `updates`: one pass, fed as the runner feeds it. */
async function realBotPass(kind: DatabaseKind, warmUp: readonly Update[], updates: readonly Update[]) {
  return await withFreshDatabase(kind, async ({ url, db }) => {
    const config = parseConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: url, RATE_LIMIT_UPDATES: "1000000" });
    const { bot } = createBot({ config, db, logger: pino({ level: "silent" }), botInfo: TEST_BOT_INFO, fetch: answeringInProcess() });
    await feed((update) => bot.handleUpdate(update), warmUp);
    const fed = await feed((update) => bot.handleUpdate(update), updates);
    await expectEverySaveTagged(db, [...warmUp, ...updates]);
    return passFigures(fed);
  });
}

async function bareBotPass(warmUp: readonly Update[], updates: readonly Update[]) {
  const bot = new Bot(TOKEN, { botInfo: TEST_BOT_INFO, client: { fetch: answeringInProcess() } });
  bot.on("message", (ctx) => ctx.reply("ok"));
  await feed((update) => bot.handleUpdate(update), warmUp);
  return passFigures(await feed((update) => bot.handleUpdate(update), updates));
}

export async function updateThroughput(scale: Scale, kind: DatabaseKind): Promise<Figure[]> {
  const saves = SAVES[scale];
  // 20,000 updates take about a minute: one pass after the warm-up, each figure the median over its windows.
  const warmUp = linkSaveUpdates(WARM_UP_SAVES[scale], 12);
  const updates = linkSaveUpdates(saves, 11, warmUp.length);
  const real = await realBotPass(kind, warmUp, updates);
  const bare = await bareBotPass(warmUp, updates);
  const name = figureName("updates", kind);
  return [
    {
      figure: `${name}: ${2 * saves} updates = ${saves} link saves with tag answers`,
      value: real.savesPerSecond,
      unit: "saves/s",
      baseline: bare.savesPerSecond,
      ratio: real.savesPerSecond / bare.savesPerSecond,
    },
    { figure: `${name}: latency per update p50`, value: real.p50, unit: "ms", baseline: bare.p50, ratio: real.p50 / bare.p50 },
    { figure: `${name}: latency per update p99`, value: real.p99, unit: "ms", baseline: bare.p99, ratio: real.p99 / bare.p99 },
  ];
}
