import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { setRead } from "../../store/reading.js";
import { pageData, readData, unreadData } from "../../lists/callback-data.js";
import type { ViewRegistry } from "../../lists/views.js";

/**
 * The buttons every list shares, each redrawing the list in place: ◀ ▶ and the page number ask the list again;
 * ✅ read and ↩️ unread redraw the rows the message shows, so nothing moves under the next tap.
 */
export function listsFeature(views: ViewRegistry) {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(pageData.pattern, async (ctx) => {
    const { viewId, page } = pageData.unpack(ctx.callbackQuery.data)!;
    const shown = await views.redraw(ctx, viewId, page);
    await ctx.answerCallbackQuery(shown ? {} : { text: ctx.t("list-not-found") });
  });

  feature.callbackQuery([readData.pattern, unreadData.pattern], async (ctx) => {
    const read = readData.pattern.test(ctx.callbackQuery.data);
    const { linkId, viewId, page } = (read ? readData : unreadData).unpack(ctx.callbackQuery.data)!;
    if (!(await setRead(ctx.db, ctx.user.id, linkId, read, ctx.clock()))) {
      return await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
    }
    await views.redraw(ctx, viewId, page, { keepRows: true });
    await ctx.answerCallbackQuery({ text: ctx.t(read ? "marked-read" : "marked-unread") });
  });
  return feature;
}
