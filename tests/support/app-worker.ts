// A second linklog "process" for tests: the real app in a worker thread, with its own event loop and
// database connection (as a separate process has), driven by messages: set the clock, run the digest.
import { parentPort, workerData } from "node:worker_threads";
import { pino } from "pino";
import { startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";

const { env } = workerData as { env: Record<string, string> };
let now = Number(env.START_AT);
const app = await startApp({ config: parseConfig(env), logger: pino({ level: "silent" }), clock: () => now, startDigestTimer: false });
parentPort!.on("message", async (message: { type: "now"; at: number } | { type: "tick" } | { type: "stop" }) => {
  if (message.type === "now") now = message.at;
  if (message.type === "tick") await app.digest.tick();
  if (message.type === "stop") await app.stop();
  parentPort!.postMessage({ done: message.type });
});
parentPort!.postMessage({ done: "start" });
