import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../../telegram/context.js";

/** When ALLOWED_USER_IDS is set, anyone else gets a polite refusal and nothing about them is stored. */
export const allowedUsers: MiddlewareFn<BotContext> = async (ctx, next) => {
  const allowed = ctx.config.ALLOWED_USER_IDS;
  if (!allowed || (ctx.from && allowed.has(ctx.from.id))) return await next();
  ctx.logger.info({ userId: ctx.from?.id }, "refused a user outside ALLOWED_USER_IDS");
  const refusal = ctx.t("not-allowed", { id: String(ctx.from?.id ?? "?") });
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: refusal, show_alert: true });
  else if (ctx.message) await ctx.reply(refusal);
};
