// Start-up and memory of the bot process, compiled and started as `npm start`, Docker and systemd start it, against
// a bare grammY bot started the same way: time from spawn to the first getUpdates at the Bot API emulator, and
// resident memory (VmRSS) after start, after start on the recall database (figure 2's), and after serving mixed
// commands on it.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import SQLite from "better-sqlite3";
import { startEmulator, type Emulator } from "../src/emulator/index.js";
import { tempDatabasePath } from "../tests/support/bot-process.js";
import { CHINESE, ENGLISH, HEAVY_USER, recallDatabase, RECALL_SIZES } from "./recall-data.js";
import { medianOfRuns, RUNS, WARM_UP_RUN, type Figure, type Scale } from "./report.js";

const ROOT = new URL("..", import.meta.url);
const COMMANDS: Record<Scale, number> = { full: 10_000, quick: 1_000, tiny: 40 };
/** Chats talking at once while the commands are served: the heavy user and ordinary users of the recall data. */
const CHATS = 20;
const MIB = 1024 * 1024;
const GOAL_MS = 1000;
const GOAL_MIB = 150;

interface Started {
  child: ChildProcess;
  startupMs: number;
}

/**
 * Node's arguments in `npm start` (the Dockerfile and the systemd unit use the same), so the figure measures what
 * runs. The tiny smoke test runs the sources through tsx rather than spend a build on every test run.
 */
function startCommands(scale: Scale): { linklog: string[]; bare: string[] } {
  const start = (JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as { scripts: { start: string } }).scripts.start;
  const [node, ...args] = start.split(" ");
  if (node !== "node" || args.at(-1) !== "dist/src/main.js") throw new Error(`npm start is no longer "node … dist/src/main.js": ${start}`);
  const flags = args.slice(0, -1);
  const bare = [...flags, "bench/bare-bot.mjs"];
  if (scale === "tiny") return { linklog: [...flags, "--import", "tsx", "src/main.ts"], bare };
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  return { linklog: args, bare };
}

async function spawnBot(emulator: Emulator, args: string[], databasePath: string): Promise<Started> {
  const since = emulator.mark();
  const spawnedAt = Date.now();
  const env = {
    PATH: process.env.PATH,
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATABASE_URL: databasePath,
    LOG_LEVEL: "silent",
    RATE_LIMIT_UPDATES: "1000000",
  };
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: "ignore" });
  const first = await emulator.waitForCall("getUpdates", undefined, { since, timeoutMs: 60_000 });
  return { child, startupMs: first.at - spawnedAt };
}

async function stop({ child }: Started): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function residentMiB(pid: number): number {
  const kB = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]!;
  return (Number(kB) * 1024) / MIB;
}

/** The recall database as a scratch copy, digests moved out of the way (they are figure 6's business). */
async function scratchRecallDatabase(scale: Scale) {
  const scratch = tempDatabasePath();
  copyFileSync(await recallDatabase(scale), scratch.path);
  const sqlite = new SQLite(scratch.path);
  sqlite.prepare("update users set digest_next_at = ?").run(Date.UTC(2100, 0, 1));
  sqlite.close();
  return scratch;
}

const COMMAND_MIX = ["/unread", "/unread #elixir", "/today", `/search ${ENGLISH[0]}`, `/search ${CHINESE[0]}`, "/notes week", "/tags", "/read"];

/** Each chat sends its share one at a time, waiting for the bot's answer, as people do; the chats overlap. */
async function serveMixedCommands(emulator: Emulator, commands: number, scale: Scale): Promise<void> {
  const others = RECALL_SIZES[scale].otherUsers;
  const chats = [HEAVY_USER, ...Array.from({ length: CHATS - 1 }, (_, i) => 2 + ((i * 7919) % others))];
  for (const id of chats) emulator.knowPrivateChat(id);
  await Promise.all(
    chats.map(async (id, chat) => {
      const user = emulator.user({ id });
      for (let k = chat; k < commands; k += chats.length) {
        const since = emulator.mark();
        user.command(COMMAND_MIX[k % COMMAND_MIX.length]!);
        await emulator.waitForCall("sendMessage", (c) => Number(c.payload.chat_id) === id, { since, timeoutMs: 60_000 });
      }
    }),
  );
}

async function measureOnce(scale: Scale, { linklog, bare: bareBot }: { linklog: string[]; bare: string[] }, commands: number) {
  const emulator = await startEmulator();
  const empty = tempDatabasePath();
  const recall = await scratchRecallDatabase(scale);
  try {
    const bare = await spawnBot(emulator, bareBot, empty.path);
    const bareMiB = residentMiB(bare.child.pid!);
    await stop(bare);

    const fresh = await spawnBot(emulator, linklog, empty.path);
    const afterStartMiB = residentMiB(fresh.child.pid!);
    await stop(fresh);

    const loaded = await spawnBot(emulator, linklog, recall.path);
    const onRecallMiB = residentMiB(loaded.child.pid!);
    await serveMixedCommands(emulator, commands, scale);
    const afterCommandsMiB = residentMiB(loaded.child.pid!);
    await stop(loaded);
    return { bareMs: bare.startupMs, startupMs: loaded.startupMs, bareMiB, afterStartMiB, onRecallMiB, afterCommandsMiB };
  } finally {
    await emulator.close();
    empty.cleanup();
    recall.cleanup();
  }
}

export async function processFootprint(scale: Scale): Promise<Figure[]> {
  await recallDatabase(scale);
  const starts = startCommands(scale);
  // Warming up needs the processes started, not all the commands served.
  const m = await medianOfRuns(RUNS[scale], (run) => measureOnce(scale, starts, run === WARM_UP_RUN ? COMMANDS[scale] / 10 : COMMANDS[scale]));
  const rss = (figure: string, value: number): Figure => ({ figure, value, unit: "MiB", baseline: m.bareMiB, ratio: value / m.bareMiB });
  return [
    {
      figure: `start-up: spawn to first getUpdates, recall database (goal ${GOAL_MS})`,
      value: m.startupMs,
      unit: "ms",
      baseline: m.bareMs,
      ratio: m.startupMs / m.bareMs,
    },
    rss("memory: RSS after start, empty database", m.afterStartMiB),
    rss("memory: RSS after start on the recall database", m.onRecallMiB),
    rss(`memory: RSS after ${COMMANDS[scale]} mixed commands (goal ${GOAL_MIB})`, m.afterCommandsMiB),
  ];
}
