import type { BotError } from "grammy";
import type { BotContext } from "../context.js";

/** One failing update never stops the bot: log it with context, tell the user, and move on. */
export async function handleUpdateError(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  ctx.logger.error({ err: error.error, update_id: ctx.update.update_id }, "update failed");
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-generic") });
    else if (ctx.chat) await ctx.reply(ctx.t("error-generic"));
  } catch (replyError) {
    ctx.logger.warn({ err: replyError }, "could not tell the user about the failure");
  }
}
