import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { deleteLink, linkDetails } from "../../store/link-details.js";
import { rememberLinkMessage } from "../../store/links.js";
import { setRead } from "../../store/reading.js";
import { cardData, deleteConfirmation, renderCard } from "./card.js";

/** A link's own card: /link 12 or a tap on /link_12 in any list; read, re-tag and delete from there. */
export function linkCardFeature() {
  const feature = new Composer<BotContext>();

  async function sendCard(ctx: BotContext, linkId: number) {
    const link = await linkDetails(ctx.db, ctx.user.id, linkId);
    // A typed number may never have been a link of this user's, or may be one deleted since: the store cannot tell.
    if (!link) return await ctx.reply(ctx.t("link-number-not-found", { id: String(linkId) }));
    const card = renderCard(ctx.t, link, ctx.user.time_zone, ctx.clock());
    const sent = await ctx.reply(card.text, { reply_markup: card.keyboard });
    await rememberLinkMessage(ctx.db, sent.chat.id, sent.message_id, [link.id]);
  }

  feature.command("link", async (ctx) => {
    const id = /^\s*(\d{1,15})\s*$/.exec(ctx.match)?.[1];
    if (!id) return await ctx.reply(ctx.t("link-usage"));
    await sendCard(ctx, Number(id));
  });
  // Telegram makes "/link_12" in a message tappable; the id rides in the command's name.
  feature.hears(/^\/link_(\d{1,15})(?:@\w+)?$/, async (ctx) => await sendCard(ctx, Number(ctx.match[1])));

  feature.callbackQuery(cardData.pattern, async (ctx) => {
    const { action, linkId } = cardData.unpack(ctx.callbackQuery.data)!;
    if (action === "D") {
      if (!(await deleteLink(ctx.db, ctx.user.id, linkId))) return await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
      await ctx.answerCallbackQuery();
      return await ctx.editMessageText(ctx.t("card-deleted"));
    }
    if (action === "r" || action === "u") await setRead(ctx.db, ctx.user.id, linkId, action === "r", ctx.clock());
    const link = await linkDetails(ctx.db, ctx.user.id, linkId);
    if (!link) return await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
    await ctx.answerCallbackQuery(action === "r" || action === "u" ? { text: ctx.t(action === "r" ? "marked-read" : "marked-unread") } : {});
    if (action === "d") return await ctx.editMessageReplyMarkup({ reply_markup: deleteConfirmation(ctx.t, linkId) });
    const card = renderCard(ctx.t, link, ctx.user.time_zone, ctx.clock());
    await ctx.editMessageText(card.text, { reply_markup: card.keyboard });
  });
  return feature;
}
