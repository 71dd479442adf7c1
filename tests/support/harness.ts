import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator } from "./emulator/index.js";
import { startBot, tempDatabasePath, type BotProcess } from "./bot-process.js";

export interface BotHarness {
  emulator: Emulator;
  /** Replaced by a test that restarts the bot. */
  bot: BotProcess;
  databasePath: string;
}

/** One emulator and one real bot process (with a fresh database) shared by the tests of a file. */
export function botHarness(env: Record<string, string> = {}): BotHarness {
  const database = tempDatabasePath();
  const harness = { databasePath: database.path } as BotHarness;
  beforeAll(async () => {
    harness.emulator = await startEmulator();
    harness.bot = await startBot(harness.emulator, database.path, env);
  });
  afterAll(async () => {
    await harness.bot?.stop();
    await harness.emulator?.close();
    database.cleanup();
  });
  return harness;
}
