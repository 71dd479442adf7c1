import type { MiddlewareFn } from "grammy";
import { upsertUser } from "../../store/users.js";
import type { BotContext } from "../../telegram/context.js";

/**
 * Loads the stored user for a private chat. Telegram only ever delivers a private chat's updates from that
 * chat's own user; one from anyone else is forged, and would reach the chat owner's open tag question and be
 * answered in their chat, so it goes no further.
 */
export const currentUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (!ctx.from) return;
  if (ctx.from.id !== ctx.chat?.id) {
    ctx.logger.warn({ userId: ctx.from.id, chatId: ctx.chat?.id }, "ignored an update from outside its private chat");
    // Whatever the button names belongs to someone else's log.
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
    return;
  }
  ctx.user = await upsertUser(ctx.db, ctx.from, ctx.config.DEFAULT_TIMEZONE, ctx.clock());
  // A language chosen with /language wins over the app's, which is all i18n knew when it ran.
  if (ctx.user.language) await ctx.i18n.renegotiateLocale();
  await next();
};
