/**
 * Runs one task at a time, in the order they arrive. Reading an import holds the whole file and its links in
 * memory, so two or three at once can exhaust the heap where one alone fits; the others wait their turn.
 */
export class OneAtATime {
  private tail: Promise<void> = Promise.resolve();
  /** Tasks running or waiting. */
  private queued = 0;

  /** Runs `task` after every task that came before; a task that must wait first hears how many are ahead of it. */
  async run<T>(task: () => Promise<T>, onWait: (ahead: number) => Promise<unknown>): Promise<T> {
    const ahead = this.queued++;
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    try {
      // Telling the user is a courtesy: a failure to tell never costs the task its turn.
      if (ahead > 0) await onWait(ahead).catch(() => undefined);
      await previous;
      return await task();
    } finally {
      this.queued--;
      release();
    }
  }
}
