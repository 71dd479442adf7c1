import type { BotError } from "grammy";
import type { BotContext } from "../../telegram/context.js";

/**
 * One failing update never stops the bot: log it with context, tell the user, and move on. A button's
 * failure is told in its answer; a handler often answers before its slow work, and a second answer fails,
 * so then the chat gets a message instead.
 */
export async function handleUpdateError(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  ctx.logger.error({ err: error.error, update_id: ctx.update.update_id }, "update failed");
  try {
    if (ctx.callbackQuery && (await answered(ctx))) return;
    if (ctx.chat) await ctx.reply(ctx.t("error-generic"));
  } catch (replyError) {
    ctx.logger.warn({ err: replyError }, "could not tell the user about the failure");
  }
}

async function answered(ctx: BotContext): Promise<boolean> {
  try {
    await ctx.answerCallbackQuery({ text: ctx.t("error-generic") });
    return true;
  } catch {
    return false;
  }
}
