import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, tempDatabasePath, type BotProcess } from "../support/bot-process.js";
import { nextMessage } from "../support/chat.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";

const TOKEN = "123456:start-up-failure-test-token";
const root = new URL("../..", import.meta.url);

/** Runs the real entry point to its end; resolves with its exit code and everything it printed. */
function runToExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`linklog did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const BOTFATHER = "Open Telegram, talk to @BotFather, send /token (or /newbot), and put the token in .env as BOT_TOKEN=…";

describe("a token Telegram refuses", () => {
  // A TELEGRAM_API_ROOT pointing at something that is no Bot API server, and quotes the path it was asked for.
  let wrongApi: Server;
  let apiRoot: string;
  // The Bot API emulator knows one token and answers any other with 401 Unauthorized, as Telegram does.
  let emulator: Emulator;
  const databases = [tempDatabasePath(), tempDatabasePath()];
  beforeAll(async () => {
    wrongApi = createServer((request, response) =>
      response
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error_code: 404, description: `Not Found: ${request.url}` })),
    );
    await new Promise<void>((resolve) => wrongApi.listen(0, "127.0.0.1", resolve));
    apiRoot = `http://127.0.0.1:${(wrongApi.address() as { port: number }).port}`;
    emulator = await startEmulator({ token: "654321:the-token-of-another-bot" });
  });
  afterAll(async () => {
    await new Promise((resolve) => wrongApi.close(resolve));
    await emulator.close();
    for (const database of databases) database.cleanup();
  });

  it.concurrent("(401) ends the process with what to do, after saying where it connected, and never prints the token", async () => {
    const { code, output } = await runToExit({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_URL: databases[0]!.path });
    expect(code).toBe(1);
    const messages = output
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual([
      "database opened and migrated",
      "connecting to Telegram",
      `Telegram refused BOT_TOKEN (401 Unauthorized): the token is wrong or was revoked. ${BOTFATHER}`,
    ]);
    expect(output).not.toContain(TOKEN.split(":")[1]);
  });

  it.concurrent("(404) is reported whatever the log level, without the token the error quotes", async () => {
    const { code, output } = await runToExit({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, DATABASE_URL: databases[1]!.path, LOG_LEVEL: "silent" });
    expect(code).toBe(1);
    expect(output).toContain(`Telegram refused BOT_TOKEN (404 Not Found): the token is wrong or was revoked. ${BOTFATHER}`);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(TOKEN.split(":")[1]);
  });
});

describe("a production deployment without a token", () => {
  it("stops with how to get one, and never opens the playground", async () => {
    const { code, output } = await runToExit({ NODE_ENV: "production", BOT_TOKEN: "" });
    expect(code).toBe(1);
    expect(output).toMatch(/BOT_TOKEN is missing\. Open Telegram, talk to @BotFather/);
    expect(output).not.toContain("playground");
  });
});

describe("a second instance polling with the same token", () => {
  let emulator: Emulator;
  let second: BotProcess | undefined;
  const databases = [tempDatabasePath(), tempDatabasePath()];
  beforeAll(async () => (emulator = await startEmulator()));
  afterAll(async () => {
    await second?.stop();
    await emulator.close();
    for (const database of databases) database.cleanup();
  });

  it("ends the first one with what is wrong and what to do, and the second one goes on", async () => {
    const first = await startBot(emulator, databases[0]!.path);
    second = await startBot(emulator, databases[1]!.path);
    // Telegram ends the older long poll with 409 Conflict once the newer one arrives.
    expect(await first.exited).toBe(1);
    expect(first.output()).toContain("Another program is taking this bot's updates with the same BOT_TOKEN");
    expect(first.output()).toContain("webhook mode");
    const since = emulator.mark();
    emulator.user({ id: 9301 }).sendText("https://example.org/still-served");
    await nextMessage(emulator, 9301, since, /Tags\?/);
    expect(second.process.exitCode).toBeNull();
  });
});
