// How long the main thread is held: while it is, no other chat's update, timer or reply is handled.

/**
 * The longest stretch without a turn of the event loop while `work` runs, in ms. A setImmediate tick runs once
 * per turn and notes the gap since the last one (or since the start, or until the end). A synchronous call is
 * one gap as long as itself. An async one over synchronous SQLite calls chained by promises is one gap too
 * unless it awaits real I/O or a timer, so sampling with a timer would only blur what this sees exactly.
 */
export async function longestStall(work: () => unknown): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const mark = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const tick = () => {
    mark();
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await work();
  } finally {
    running = false;
  }
  mark();
  return longest;
}

/** The worst stall of any of these variants of one input, each handled once. */
export async function worstStall(variants: readonly (() => unknown)[]): Promise<number> {
  let worst = 0;
  for (const variant of variants) worst = Math.max(worst, await longestStall(variant));
  return worst;
}
