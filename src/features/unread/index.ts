import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { parseReadArgs, parseUnreadArgs } from "../../recall/list-args.js";
import { countUnread } from "../../store/reading.js";
import { localDate } from "../../time/local-date.js";
import { escapeHtml } from "../../views/html.js";
import type { ViewRegistry } from "../../lists/views.js";
import { queueView, unreadView } from "../../lists/unread-view.js";
import { readView } from "../../lists/read-view.js";

/**
 * /unread lists what is left to read, grouped by day; /queue (or /next) is the same in saved order, oldest first;
 * both take tags. /read is what was read, last read first, for a period and tags.
 */
export function unreadFeature(views: ViewRegistry) {
  const feature = new Composer<BotContext>();
  views.add(unreadView).add(queueView).add(readView);

  feature.command("unread", async (ctx) => {
    const parsed = parseUnreadArgs(ctx.match);
    if (!parsed.ok) return await ctx.reply(ctx.t("unread-usage", { word: escapeHtml(parsed.unknown) }));
    await views.send(ctx, unreadView, parsed.value);
  });

  // The queue takes the same filters ("/queue rust"), oldest first unless "newest" is asked for.
  feature.command(["queue", "next"], async (ctx) => {
    const parsed = parseUnreadArgs(ctx.match, { oldestFirst: true });
    if (!parsed.ok) return await ctx.reply(ctx.t("queue-usage", { word: escapeHtml(parsed.unknown) }));
    await views.send(ctx, queueView, parsed.value);
  });

  feature.command("read", async (ctx) => {
    const parsed = parseReadArgs(ctx.match, localDate(ctx.clock(), ctx.user.time_zone));
    if (!parsed.ok) return await ctx.reply(ctx.t("read-usage", { word: escapeHtml(parsed.unknown) }));
    // /read used to be the queue: typed alone, by someone with something to read, it says where that went.
    const hint = ctx.match.trim() === "" && (await countUnread(ctx.db, ctx.user.id)) > 0;
    await views.send(ctx, readView, { ...parsed.value, ...(hint ? { hint } : {}) });
  });
  return feature;
}
