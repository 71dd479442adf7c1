import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { parseQuery } from "../../search/query.js";
import type { ViewRegistry } from "../../lists/views.js";
import { searchView } from "./view.js";

/** /search words #tags: the user's links containing every word, best match first. */
export function searchFeature(views: ViewRegistry) {
  views.add(searchView);
  const feature = new Composer<BotContext>();
  feature.command("search", async (ctx) => {
    const query = ctx.match.trim();
    if (parseQuery(query) === null) return await ctx.reply(ctx.t("search-usage"));
    await views.send(ctx, searchView, { query });
  });
  return feature;
}
