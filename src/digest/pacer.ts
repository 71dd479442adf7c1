export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces calls evenly at `perSecond`, so a burst of digests stays under Telegram's broadcast limit
 * (about 30 messages a second for a bot) while replies to users go out unpaced beside them.
 */
export function createPacer(perSecond: number, now: () => number = () => performance.now(), sleep: Sleep = realSleep): () => Promise<void> {
  const interval = 1000 / perSecond;
  let nextSlot = -Infinity;
  return async function waitForSlot() {
    const at = now();
    const slot = Math.max(at, nextSlot);
    nextSlot = slot + interval;
    if (slot > at) await sleep(slot - at);
  };
}
