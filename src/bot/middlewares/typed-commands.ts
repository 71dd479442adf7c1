import type { Message, Update } from "@grammyjs/types";
import type { MiddlewareFn } from "grammy";
import { commandInLowerCase, commandMessage, runCommandData } from "../../telegram/commands.js";
import type { BotContext } from "../../telegram/context.js";

/**
 * "/Unread" and "/UNREAD" are /unread: phones capitalise the first letter of a message. grammY matches command
 * names exactly and keeps its core free of options for this, so the command is lower-cased here, once, before
 * any handler reads it; "@linklog_bot" after it is compared case-insensitively by grammY anyway.
 */
export const lowerCaseCommands: MiddlewareFn<BotContext> = async (ctx, next) => {
  const lower = ctx.message && commandInLowerCase(ctx.message);
  if (ctx.message && lower) ctx.message.text = lower;
  await next();
};

/**
 * A press of the button under "Did you mean /unread?" becomes the message the user meant to type, and goes
 * through every handler after this one as that message would have. Installed after `currentUser`, which has
 * made sure the presser is the chat's own user; the button carries a command name and the user's own words
 * only, so it does exactly what typing them does. The button goes away first, so a second press runs nothing.
 */
export const runSuggestedCommand: MiddlewareFn<BotContext> = async (ctx, next) => {
  const data = ctx.callbackQuery?.data;
  const pressed = data === undefined ? null : runCommandData.unpack(data);
  if (!pressed) return await next();
  const shown = ctx.callbackQuery?.message;
  if (!shown || !ctx.from) return await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  await ctx.answerCallbackQuery();
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: undefined });
  } catch (error) {
    // The suggestion may be gone or too old to edit; the command runs all the same.
    ctx.logger.warn({ err: error }, "could not take the button off a command suggestion");
  }
  const message = {
    // The suggestion's id: replies go under it, and a /note from it is anchored there.
    message_id: shown.message_id,
    date: Math.floor(ctx.clock() / 1000),
    chat: shown.chat,
    from: ctx.from,
    ...commandMessage(pressed.command, pressed.argument),
  } as Message & Update.NonChannel;
  // grammY's context reads everything (ctx.message, ctx.msg, ctx.chat) from the update, so replacing it is all it takes.
  (ctx as { update: Update }).update = { update_id: ctx.update.update_id, message };
  await next();
};
