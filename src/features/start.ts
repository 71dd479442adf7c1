import { Composer } from "grammy";
import type { BotContext } from "../telegram/context.js";
import { formatDigestTime } from "../digest/schedule.js";
import { escapeHtml } from "../views/html.js";

export const startFeature = new Composer<BotContext>();

startFeature.command("start", async (ctx) => {
  const { time_zone, digest_minute } = ctx.user;
  const text = ctx.t("start", { name: escapeHtml(ctx.from?.first_name ?? ""), zone: escapeHtml(time_zone), time: formatDigestTime(digest_minute) });
  await ctx.reply(text);
});

startFeature.command("help", async (ctx) => {
  await ctx.reply(ctx.t("help"));
});
