import { Composer } from "grammy";
import type { BotContext } from "../bot/context.js";
import { escapeHtml } from "../views/html.js";

export const startFeature = new Composer<BotContext>();

startFeature.command("start", async (ctx) => {
  await ctx.reply(ctx.t("start", { name: escapeHtml(ctx.from?.first_name ?? "") }), { parse_mode: "HTML" });
});

startFeature.command("help", async (ctx) => {
  await ctx.reply(ctx.t("help"), { parse_mode: "HTML" });
});
