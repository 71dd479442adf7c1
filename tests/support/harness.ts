import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { startBot, tempDatabase, type BotProcess } from "./bot-process.js";
import { startAppInProcess, type InProcessBot } from "./in-process.js";

export interface Harness<Bot> {
  emulator: Emulator;
  /** Replaced by a test that restarts the bot. */
  bot: Bot;
  databasePath: string;
}
export type BotHarness = Harness<BotProcess>;
export type AppHarness = Harness<InProcessBot>;

function harnessWith<Bot extends { stop(): Promise<unknown> }>(start: (emulator: Emulator, databasePath: string) => Promise<Bot>): Harness<Bot> {
  const harness = {} as Harness<Bot>;
  let database: Awaited<ReturnType<typeof tempDatabase>> | undefined;
  beforeAll(async () => {
    database = await tempDatabase();
    harness.databasePath = database.path;
    harness.emulator = await startEmulator();
    harness.bot = await start(harness.emulator, database.path);
  });
  afterAll(async () => {
    await harness.bot?.stop();
    await harness.emulator?.close();
    await database?.cleanup();
  });
  return harness;
}

/** One emulator and one real bot process (with a fresh database) shared by the tests of a file: for tests of a process boundary. */
export function botHarness(env: Record<string, string> = {}): BotHarness {
  return harnessWith((emulator, databasePath) => startBot(emulator, databasePath, env));
}

/**
 * One emulator and the app running in the test's process (with a fresh database) shared by the tests of a
 * file: the same app, config defaults and emulator as `botHarness`, without 1.6 s of tsx start-up per file.
 */
export function appHarness(env: Record<string, string> = {}): AppHarness {
  return harnessWith((emulator, databasePath) => startAppInProcess(emulator, databasePath, env));
}
