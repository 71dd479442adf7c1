import { Composer } from "grammy";
import type { BotContext } from "../telegram/context.js";

/** Installed last: a button from an old message still gets an answer, so Telegram stops its spinner. */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
});

unhandledFeature.on("message", async (ctx) => {
  await ctx.reply(ctx.t("unknown-command"));
});
