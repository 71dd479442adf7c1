import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";

/** Installed before the conversations so that /cancel reaches the outside even while a question is open. */
export const cancelFeature = new Composer<BotContext>();

cancelFeature.command("cancel", async (ctx) => {
  const active = Object.keys(ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active ? "cancel-done" : "cancel-nothing"));
});
