import { limit } from "@grammyjs/ratelimiter";
import type { BotContext } from "../context.js";

const WINDOW_MS = 10_000;

/**
 * One user flooding the bot must not starve the others: past `perWindow` updates in ten seconds their updates
 * are dropped on arrival. The plugin calls `onLimitExceeded` only for the first update over the limit, so the
 * user is told once per window, not once per dropped message.
 */
export function rateLimit(perWindow: number) {
  return limit<BotContext, never>({
    timeFrame: WINDOW_MS,
    limit: perWindow,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      ctx.logger.warn({ userId: ctx.from?.id }, "rate limited");
      if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(ctx.t("slow-down"));
    },
  });
}
