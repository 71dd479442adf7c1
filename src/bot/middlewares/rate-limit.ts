import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../../telegram/context.js";

const WINDOW_MS = 10_000;

export type Verdict = { pass: true } | { pass: false; tell: boolean };

/** One user's state: when their last `limit` counted updates arrived (oldest first), and when they were last told. */
interface UserWindow {
  times: number[];
  toldAt: number | undefined;
}

/**
 * At most `limit` updates per user in any `windowMs`, measured back from each update (a sliding window): a
 * window shared by all users and reset at one moment would let a burst across the reset through twice. Only the
 * last `limit` arrival times are kept per user, and users idle for a window are forgotten, so memory follows
 * the users active right now.
 */
export class SlidingWindowLimiter {
  private readonly users = new Map<number, UserWindow>();
  private sweptAt: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {
    this.sweptAt = now();
  }

  /**
   * Counts one update of `user`; a drop is to be told once per window. Exempt updates (the user's data) pass and
   * are not counted: forwarding forty posts must not leave the user unable to press the button that tags them.
   */
  take(user: number, exempt = false): Verdict {
    if (exempt) return { pass: true };
    const now = this.now();
    this.sweep(now);
    const window = this.users.get(user) ?? { times: [], toldAt: undefined };
    this.users.set(user, window);
    while (window.times.length > 0 && window.times[0]! <= now - this.windowMs) window.times.shift();
    if (window.times.length < this.limit) {
      window.times.push(now);
      if (window.times.length > this.limit) window.times.shift();
      return { pass: true };
    }
    const tell = window.toldAt === undefined || now - window.toldAt >= this.windowMs;
    if (tell) window.toldAt = now;
    return { pass: false, tell };
  }

  /** Users with state kept. */
  get tracked(): number {
    return this.users.size;
  }

  // Once per window, whoever sent nothing and was told nothing during the last window is forgotten.
  private sweep(now: number): void {
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    const idle = (time: number | undefined) => time === undefined || time <= now - this.windowMs;
    for (const [user, window] of this.users) {
      if (idle(window.times.at(-1)) && idle(window.toldAt)) this.users.delete(user);
    }
  }
}

export interface RateLimitOptions {
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
export function rateLimit({ perWindow, exempt = () => false, windowMs = WINDOW_MS, now = Date.now }: RateLimitOptions): MiddlewareFn<BotContext> {
  const limiter = new SlidingWindowLimiter(perWindow, windowMs, now);
  return async (ctx, next) => {
    const user = ctx.from?.id;
    if (user === undefined) return next();
    const verdict = limiter.take(user, exempt(ctx));
    if (verdict.pass) return next();
    if (!verdict.tell) return;
    ctx.logger.warn({ userId: user }, "rate limited");
    if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(ctx.t("slow-down"));
  };
}
