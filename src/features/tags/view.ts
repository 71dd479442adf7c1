import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { tagCounts } from "../../store/tags.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { callbackData, int } from "../../telegram/callback-data.js";
import { pageOf } from "../../recall/pagination.js";
import { addPageButtons, type RenderedPage, type ViewKind } from "../../lists/views.js";

const TAGS_PER_PAGE = 24;
const BUTTONS_PER_ROW = 3;

// A tag's button in /tags: its unread links.
export const tagUnreadData = callbackData("tg", { tagId: int(15) });
export const tagsCallback = (tagId: number) => tagUnreadData.pack({ tagId });

async function renderTags(ctx: BotContext, viewId: number, requested: number): Promise<RenderedPage> {
  // Counting every tag is one grouped query; a user has hundreds of tags at most.
  const all = await tagCounts(ctx.db, ctx.user.id);
  if (all.length === 0) return { text: ctx.t("tags-empty"), linkIds: [] };
  const page = pageOf(all.length, requested, TAGS_PER_PAGE);
  const shown = all.slice(page.offset, page.offset + page.size);
  const lines = shown.map((tag) => ctx.t("tags-line", { tag: escapeHtml(tag.name), unread: tag.unread, total: tag.total }));
  const keyboard = new InlineKeyboard();
  shown.forEach((tag, i) => {
    if (i > 0 && i % BUTTONS_PER_ROW === 0) keyboard.row();
    keyboard.text(`#${truncate(tag.name, 20)} (${tag.unread})`, tagsCallback(tag.id));
  });
  const text = [ctx.t("tags-heading", { count: all.length }), "", ...lines, "", ctx.t("tags-hint")].join("\n");
  return { text, keyboard: addPageButtons(keyboard, viewId, page), linkIds: [] };
}

export const tagsView: ViewKind<Record<string, never>> = {
  kind: "tags",
  render: (ctx, _params, viewId, page) => renderTags(ctx, viewId, page),
};
