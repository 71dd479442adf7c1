import { Composer } from "grammy";
import type { BotContext } from "../telegram/context.js";

export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", async (ctx) => {
  await ctx.reply(ctx.t("help"));
});
