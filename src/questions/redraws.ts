/**
 * Coalesces the edits of one message: a burst of forwards changes its question dozens of times a second, and
 * Telegram answers more than about one edit a second per chat with 429. Each run reads the current state, so
 * the last one shows everything.
 */
export class Redraws {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly lastRun = new Map<number, number>();

  constructor(
    private readonly minGapMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(questionId: number, run: () => Promise<void>): void {
    if (this.timers.has(questionId)) return;
    const delay = Math.max(0, (this.lastRun.get(questionId) ?? 0) + this.minGapMs - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(questionId);
      this.lastRun.set(questionId, Date.now());
      // A run is bounded by the API client's own timeouts; the map forgets questions a while after their last run.
      if (this.lastRun.size > 1000) this.lastRun.delete(this.lastRun.keys().next().value!);
      void run().catch(this.onError);
    }, delay);
    timer.unref();
    this.timers.set(questionId, timer);
  }

  /** Forgets a pending redraw: the caller is about to draw the message itself. */
  cancel(questionId: number): void {
    clearTimeout(this.timers.get(questionId));
    this.timers.delete(questionId);
  }
}
