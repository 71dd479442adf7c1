import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { parseUnreadArgs } from "../../recall/list-args.js";
import { escapeHtml } from "../../views/html.js";
import type { ViewRegistry } from "../../lists/views.js";
import { queueView, unreadView } from "../../lists/unread-view.js";

/** /unread lists what is left to read, grouped by day; /read is the same queue in saved order, oldest first; both take tags. */
export function unreadFeature(views: ViewRegistry) {
  const feature = new Composer<BotContext>();
  views.add(unreadView).add(queueView);

  feature.command("unread", async (ctx) => {
    const parsed = parseUnreadArgs(ctx.match);
    if (!parsed.ok) return await ctx.reply(ctx.t("unread-usage", { word: escapeHtml(parsed.unknown) }));
    await views.send(ctx, unreadView, parsed.value);
  });

  // The queue takes the same filters ("/read rust"), oldest first unless "newest" is asked for.
  feature.command("read", async (ctx) => {
    const parsed = parseUnreadArgs(ctx.match, { oldestFirst: true });
    if (!parsed.ok) return await ctx.reply(ctx.t("unread-usage", { word: escapeHtml(parsed.unknown) }));
    await views.send(ctx, queueView, parsed.value);
  });
  return feature;
}
