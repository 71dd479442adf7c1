import { spawn } from "node:child_process";

const root = new URL("../..", import.meta.url);
const PLAYGROUND_LINE = /No BOT_TOKEN: playground at (http:\/\/127\.0\.0\.1:\d+) — set BOT_TOKEN to connect to Telegram/;

export interface PlaygroundProcess {
  url: string;
  output(): string;
  stop(): Promise<number | NodeJS.Signals | null>;
}

/**
 * `npm start` as a newcomer runs it, with no BOT_TOKEN: resolves with the address the log line names. An empty
 * BOT_TOKEN also keeps a developer's own .env token out (dotenv never overrides a variable that is set).
 */
export async function startPlaygroundProcess(env: Record<string, string>, timeoutMs = 15_000): Promise<PlaygroundProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, BOT_TOKEN: "", PORT: "0", LOG_LEVEL: "info", FETCH_HOSTS_ONLY: "true", RATE_LIMIT_UPDATES: "10000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no playground line within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk;
      const found = PLAYGROUND_LINE.exec(output);
      if (!found) return;
      clearTimeout(timer);
      resolve(found[1]!);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    void exited.then((code) => reject(new Error(`linklog exited (${code}) before the playground was up:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return await exited;
    },
  };
}
