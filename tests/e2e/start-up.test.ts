import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/logger.js";
import { eventually, tempDatabasePath, testEnvironment } from "../support/bot-process.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";

interface LogLine {
  level: number;
  msg: string;
  method?: string;
}

const WARN = 40;
// Short waits between tries, so a test sees several in well under a second.
const DELAYS_MS = [50, 100, 200];

/** An address where nothing listens: a port that was free a moment ago. */
async function closedPortRoot(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/**
 * Start-up as a person watching the log sees it (issue 15): one line per phase, and while Telegram cannot be reached,
 * why, and when the next try is. The app runs in this process with the same logger as src/main.ts.
 */
describe("start-up", () => {
  let emulator: Emulator;
  const databases: { cleanup(): void }[] = [];
  const running: { giveUp: AbortController; started: Promise<App | undefined> }[] = [];
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterEach(async () => {
    for (const { giveUp, started } of running.splice(0)) {
      giveUp.abort();
      await (await started)?.stop();
    }
  });
  afterAll(async () => {
    await emulator.close();
    for (const database of databases) database.cleanup();
  });

  /** Starts the app against `env` (the emulator unless it says otherwise) with every log line kept. */
  function start(env: Record<string, string> = {}) {
    const database = tempDatabasePath();
    databases.push(database);
    const config = parseConfig({ ...testEnvironment(emulator, database.path), LOG_LEVEL: "info", ...env });
    const lines: LogLine[] = [];
    const logger = createLogger(config.LOG_LEVEL, { write: (line) => lines.push(JSON.parse(line) as LogLine) }, [config.BOT_TOKEN]);
    const giveUp = new AbortController();
    const started = startApp({ config, logger, retryDelaysMs: DELAYS_MS, signal: giveUp.signal });
    running.push({ giveUp, started: started.catch(() => undefined) });
    const line = (pattern: RegExp) => eventually(() => lines.find((l) => pattern.test(l.msg)), `a log line matching ${pattern}`, 3000);
    return { lines, started, giveUp, line };
  }

  it("says when the database is ready, where it connects, and whom it runs as, in that order", async () => {
    const { lines, started } = start();
    await started;
    expect(lines.map((line) => line.msg)).toEqual([
      "database opened and migrated",
      "connecting to Telegram",
      "running as @linklog_test_bot in long polling mode",
    ]);
    expect(lines[0]).toMatchObject({ database: expect.stringMatching(/linklog\.db$/), migrations: expect.any(Number) });
    expect(lines[1]).toMatchObject({ api_root: emulator.apiRoot });
    expect(lines[2]).toMatchObject({ username: "linklog_test_bot", mode: "long polling", port: null });
    expect(JSON.stringify(lines)).not.toContain(emulator.token);
  });

  it("points the menu button at the Mini App when WEB_APP_URL is set, once, and back at the commands when it is gone", async () => {
    const port = new URL(await closedPortRoot()).port;
    const withApp = { WEB_APP_URL: "https://linklog.example.org/bot", PORT: port };
    await (await start(withApp).started)?.stop();
    expect(emulator.menuButton()).toEqual({ type: "web_app", text: "Library", web_app: { url: "https://linklog.example.org/bot/app/" } });
    const since = emulator.mark();
    await (await start(withApp).started)?.stop();
    expect(emulator.callsOf("setChatMenuButton", since)).toHaveLength(0);
    await (await start().started)?.stop();
    expect(emulator.menuButton()).toEqual({ type: "default" });
  });

  it("sets its menu and descriptions in each language once: a second start finds them in place and changes nothing", async () => {
    const profileCalls = () => ["setMyCommands", "setMyDescription", "setMyShortDescription"].flatMap((method) => emulator.callsOf(method));
    const first = await start().started;
    await first.stop();
    const afterFirst = profileCalls().length;
    expect(afterFirst).toBeGreaterThanOrEqual(6);
    const since = emulator.mark();
    await start().started;
    expect(emulator.callsOf("getMyDescription", since).length).toBeGreaterThanOrEqual(2);
    expect(profileCalls()).toHaveLength(afterFirst);
  });

  it("with nothing listening at the API root: says so at once, then again before each longer wait, and keeps trying", async () => {
    const apiRoot = await closedPortRoot();
    const { line, started, giveUp } = start({ TELEGRAM_API_ROOT: apiRoot });
    const first = await line(/retrying in 0.05 s/);
    const second = await line(/retrying in 0.1 s/);
    expect(first).toMatchObject({ level: WARN, method: "getMe", msg: `cannot reach ${apiRoot}: ECONNREFUSED; retrying in 0.05 s` });
    expect(second).toMatchObject({ level: WARN, msg: `cannot reach ${apiRoot}: ECONNREFUSED; retrying in 0.1 s` });
    await line(/retrying in 0.2 s/);
    giveUp.abort();
    await expect(started).rejects.toThrow();
  });

  it("with a name no DNS knows: says ENOTFOUND, asking no DNS server (FETCH_HOSTS_ONLY)", async () => {
    const { line } = start({ TELEGRAM_API_ROOT: "http://api.telegram.invalid" });
    expect(await line(/cannot reach/)).toMatchObject({ level: WARN, msg: "cannot reach http://api.telegram.invalid: ENOTFOUND; retrying in 0.05 s" });
  });

  it("waits out server errors and flood control in every start-up call, and then runs", async () => {
    emulator.failNext("getMe", { status: 502 });
    emulator.failNext("getMyCommands", { status: 429, retryAfter: 1 });
    const { lines, started } = start();
    await started;
    const root = emulator.apiRoot;
    expect(lines.filter((line) => line.level === WARN).map((line) => `${line.method}: ${line.msg}`)).toEqual([
      `getMe: cannot reach ${root}: HTTP 502 Bad Gateway; retrying in 0.05 s`,
      `getMyCommands: cannot reach ${root}: HTTP 429 Too Many Requests; retrying in 1 s`,
    ]);
    expect(lines.at(-1)!.msg).toBe("running as @linklog_test_bot in long polling mode");
  });

  it("once running, says why getUpdates fails longer than the retries below it, and when it gets through again", async () => {
    const { line, started } = start({ TELEGRAM_RETRY_BASE_MS: "1" });
    await started;
    const since = emulator.mark();
    // Four failures use up one request's tries below grammY (TELEGRAM_RETRY_BASE_MS keeps them short).
    emulator.failNext("getUpdates", { status: 502 }, 4);
    emulator.user().sendText("ends the waiting poll");
    expect(await line(/cannot reach/)).toMatchObject({
      level: WARN,
      method: "getUpdates",
      msg: `cannot reach ${emulator.apiRoot}: HTTP 502 Bad Gateway; retrying in 0.05 s`,
    });
    expect(await line(/^reached/)).toMatchObject({ method: "getUpdates", msg: `reached ${emulator.apiRoot}` });
    await emulator.waitForCall("getUpdates", (call) => call.response.ok, { since });
  });

  it("once running, a getUpdates that Telegram refuses ends polling, and `failed` says why instead of retrying in silence", async () => {
    const app = await start().started;
    emulator.failNext("getUpdates", { status: 400, description: "Bad Request: wrong allowed_updates" });
    emulator.user().sendText("ends the waiting poll");
    await expect(app.failed).rejects.toThrow(/400: Bad Request: wrong allowed_updates/);
  });
});
