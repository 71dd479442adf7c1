import { once } from "node:events";
import { Worker } from "node:worker_threads";

export interface WorkerApp {
  setNow(at: number): Promise<void>;
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts tests/support/app-worker.ts in a worker thread (through app-worker.mjs, which loads TypeScript). */
export async function startWorkerApp(env: Record<string, string>, startAt: number): Promise<WorkerApp> {
  const worker = new Worker(new URL("./app-worker.mjs", import.meta.url), {
    workerData: { env: { FETCH_HOSTS_ONLY: "true", ...env, START_AT: String(startAt) } },
  });
  const failed = once(worker, "error").then(([error]) => {
    throw error;
  });
  const request = async (message: object, type: string) => {
    worker.postMessage(message);
    for (;;) {
      const [reply] = (await Promise.race([once(worker, "message"), failed])) as [{ done: string }];
      if (reply.done === type) return;
    }
  };
  for (;;) {
    const [reply] = (await Promise.race([once(worker, "message"), failed])) as [{ done: string }];
    if (reply.done === "start") break;
  }
  return {
    setNow: (at) => request({ type: "now", at }, "now"),
    tick: () => request({ type: "tick" }, "tick"),
    async stop() {
      await request({ type: "stop" }, "stop");
      await worker.terminate();
    },
  };
}
