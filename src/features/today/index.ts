import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { resolveDay } from "../../recall/day-args.js";
import { escapeHtml } from "../../views/html.js";
import type { ViewRegistry } from "../../lists/views.js";
import { todayView } from "./view.js";

/** /today, /today yesterday, /today 2026-11-20: a day's saves, reads and notes in the user's time zone. */
export function todayFeature(views: ViewRegistry) {
  const feature = new Composer<BotContext>();
  views.add(todayView);

  feature.command("today", async (ctx) => {
    const date = resolveDay(ctx.match, ctx.clock(), ctx.user.time_zone);
    if (date === null) return await ctx.reply(ctx.t("today-usage", { word: escapeHtml(ctx.match.trim()) }));
    await views.send(ctx, todayView, { date });
  });
  return feature;
}
