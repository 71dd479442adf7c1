import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { findTag, renameTag } from "../../store/tags.js";
import { normalizeTag } from "../../tags/parse-tags.js";
import { escapeHtml } from "../../views/html.js";
import type { ViewRegistry } from "../../lists/views.js";
import { unreadView } from "../../lists/unread-view.js";
import { tagsView, tagUnreadData } from "./view.js";

/** /tags lists tags with unread/total counts; a tag's button opens its unread list; /tags rename old new renames or merges. */
export function tagsFeature(views: ViewRegistry) {
  const feature = new Composer<BotContext>();
  views.add(tagsView);

  feature.command("tags", async (ctx) => {
    const words = ctx.match.split(/\s+/u).filter(Boolean);
    if (words.length === 0) return await views.send(ctx, tagsView, {});
    const [verb, from, to] = words.map((word, i) => (i === 0 ? word.toLowerCase() : normalizeTag(word)));
    if (verb !== "rename" || !from || !to || words.length !== 3) return await ctx.reply(ctx.t("tags-usage"));
    const outcome = await renameTag(ctx.db, ctx.user.id, from, to, ctx.clock());
    await ctx.reply(ctx.t(`tags-rename-${outcome}`, { from: escapeHtml(from), to: escapeHtml(to) }));
  });

  feature.callbackQuery(tagUnreadData.pattern, async (ctx) => {
    const tag = await findTag(ctx.db, ctx.user.id, tagUnreadData.unpack(ctx.callbackQuery.data)!.tagId);
    if (!tag) return await ctx.answerCallbackQuery({ text: ctx.t("tag-not-found") });
    await ctx.answerCallbackQuery();
    await views.send(ctx, unreadView, { tags: [tag.name], oldestFirst: false });
  });
  return feature;
}
