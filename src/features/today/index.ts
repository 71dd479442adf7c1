import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { resolveDay } from "../../recall/day-args.js";
import { localDate, parseLocalDate } from "../../time/local-date.js";
import { escapeHtml } from "../../views/html.js";
import type { ViewRegistry } from "../../lists/views.js";
import { dayData, todayView } from "./view.js";

/** /today, /today yesterday, /today 2026-11-20: a day's saves, reads and notes in the user's time zone, page by page. */
export function todayFeature(views: ViewRegistry) {
  const feature = new Composer<BotContext>();
  views.add(todayView);

  feature.command("today", async (ctx) => {
    const date = resolveDay(ctx.match, ctx.clock(), ctx.user.time_zone);
    if (date === null) return await ctx.reply(ctx.t("today-usage", { word: escapeHtml(ctx.match.trim()) }));
    await views.send(ctx, todayView, { date });
  });

  // ◀ previous day / next day ▶: the other day replaces this one in the message. A day after today has nothing yet.
  feature.callbackQuery(dayData.pattern, async (ctx) => {
    const { date } = dayData.unpack(ctx.callbackQuery.data)!;
    if (parseLocalDate(date) === null || date > localDate(ctx.clock(), ctx.user.time_zone)) {
      return await ctx.answerCallbackQuery({ text: ctx.t("list-not-found") });
    }
    await views.replace(ctx, todayView, { date });
    await ctx.answerCallbackQuery();
  });
  return feature;
}
