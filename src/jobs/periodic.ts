/** A background job driven by a timer, or by tests calling `tick` with a clock they move. */
export interface PeriodicJob {
  /** Runs the job now; calls that overlap a run share it. */
  tick(): Promise<void>;
  start(intervalMs: number, options?: { runNow?: boolean }): void;
  /** Stops the timer and waits for the run in progress. */
  stop(): Promise<void>;
}

/** The one shape every job here has: a run never overlaps itself, a failed run is reported, and stop waits. */
export function periodicJob(run: () => Promise<void>, onError: (error: unknown) => void): PeriodicJob {
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => (running ??= run().finally(() => (running = undefined)));
  const runLogged = () => void tick().catch(onError);
  return {
    tick,
    start(intervalMs, { runNow = false } = {}) {
      timer = setInterval(runLogged, intervalMs);
      if (runNow) runLogged();
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
