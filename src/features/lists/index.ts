import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { setRead } from "../../store/reading.js";
import { PAGE_CALLBACK, READ_CALLBACK } from "./callback-data.js";
import type { ViewRegistry } from "./views.js";

/** The buttons every list shares: ◀ ▶ pages, ✅ read and ↩️ unread, each redrawing the list in place. */
export function listsFeature(views: ViewRegistry) {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(PAGE_CALLBACK, async (ctx) => {
    const shown = await views.redraw(ctx, Number(ctx.match[1]), Number(ctx.match[2]));
    await ctx.answerCallbackQuery(shown ? {} : { text: ctx.t("list-not-found") });
  });

  feature.callbackQuery(READ_CALLBACK, async (ctx) => {
    const [, action, linkId, viewId, page] = ctx.match;
    const read = action === "rd";
    if (!(await setRead(ctx.db, ctx.user.id, Number(linkId), read, ctx.clock()))) {
      return await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
    }
    await views.redraw(ctx, Number(viewId), Number(page));
    await ctx.answerCallbackQuery({ text: ctx.t(read ? "marked-read" : "marked-unread") });
  });
  return feature;
}
