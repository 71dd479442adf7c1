import type { MiddlewareFn } from "grammy";
import type { DB } from "../../db/connection.js";
import { countAgainstLimit, isInInbox } from "../../store/inbox.js";
import type { BotContext } from "../../telegram/context.js";

const WINDOW_MS = 10_000;

export type Verdict = { pass: true } | { pass: false; tell: boolean };

/**
 * At most `limit` updates per user in any `windowMs`, measured back from each update (a sliding window): a window
 * shared by all users and reset at one moment would let a burst across the reset through twice. The count is of the
 * user's rows in the update inbox, so every instance sharing the database agrees on it. Whom this process told to
 * slow down stays in its memory: at worst each instance says it once per window. Users told nothing for a window are
 * forgotten, so memory follows the users flooding right now.
 */
export class SlidingWindowLimiter {
  private readonly toldAt = new Map<number, number>();
  private sweptAt: number;

  constructor(
    private readonly db: DB,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {
    this.sweptAt = now();
  }

  /**
   * Counts update `updateId` of `user`; a drop is to be told once per window. Exempt updates (the user's data) pass
   * and are not counted: forwarding forty posts must not leave the user unable to press the button that tags them.
   */
  async take(updateId: number, user: number, exempt = false): Promise<Verdict> {
    if (exempt) return { pass: true };
    const now = this.now();
    this.sweep(now);
    if (await countAgainstLimit(this.db, updateId, user, now, now - this.windowMs, this.limit)) return { pass: true };
    // Fed to the bot directly (the benchmark), an update has no row to count against the others.
    if (!(await isInInbox(this.db, updateId))) return { pass: true };
    const told = this.toldAt.get(user);
    const tell = told === undefined || now - told >= this.windowMs;
    if (tell) this.toldAt.set(user, now);
    return { pass: false, tell };
  }

  /** Users whose "slow down" is remembered. */
  get tracked(): number {
    return this.toldAt.size;
  }

  // Once per window, whoever was told nothing during the last window is forgotten.
  private sweep(now: number): void {
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    for (const [user, told] of this.toldAt) if (told <= now - this.windowMs) this.toldAt.delete(user);
  }
}

export interface RateLimitOptions {
  db: DB;
  /** Updates one user may send in ten seconds. */
  perWindow: number;
  /** Updates that always pass, uncounted. */
  exempt?: (ctx: BotContext) => boolean;
  windowMs?: number;
  now?: () => number;
}

/**
 * One user flooding the bot must not starve the others: past `perWindow` updates in ten seconds their updates
 * are dropped on arrival, and the user is told once per window, not once per dropped message.
 */
export function rateLimit({ db, perWindow, exempt = () => false, windowMs = WINDOW_MS, now = Date.now }: RateLimitOptions): MiddlewareFn<BotContext> {
  const limiter = new SlidingWindowLimiter(db, perWindow, windowMs, now);
  return async (ctx, next) => {
    const user = ctx.from?.id;
    if (user === undefined) return next();
    const verdict = await limiter.take(ctx.update.update_id, user, exempt(ctx));
    if (verdict.pass) return next();
    if (!verdict.tell) return;
    ctx.logger.warn({ userId: user }, "rate limited");
    if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(ctx.t("slow-down"));
  };
}
