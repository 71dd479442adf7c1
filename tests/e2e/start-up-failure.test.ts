import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabasePath } from "../support/bot-process.js";

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

describe("a failure to start", () => {
  // A TELEGRAM_API_ROOT pointing at something that is no Bot API server, and quotes the path it was asked for.
  let wrongApi: Server;
  let apiRoot: string;
  const database = tempDatabasePath();
  beforeAll(async () => {
    wrongApi = createServer((request, response) =>
      response
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error_code: 404, description: `Not Found: ${request.url}` })),
    );
    await new Promise<void>((resolve) => wrongApi.listen(0, "127.0.0.1", resolve));
    apiRoot = `http://127.0.0.1:${(wrongApi.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => wrongApi.close(resolve));
    database.cleanup();
  });

  it("is reported with its reason, whatever the log level, and without the token the error quotes", async () => {
    const { code, output } = await runToExit({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, DATABASE_URL: database.path, LOG_LEVEL: "silent" });
    expect(code).toBe(1);
    expect(output).toMatch(/failed to start/);
    expect(output).toContain("getMe");
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(TOKEN.split(":")[1]);
  });
});
