import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { clearUserTitle, requestRefetch, setUserTitle } from "../../store/page-info.js";
import { findUserLinks } from "../../store/links.js";
import { escapeHtml } from "../../views/html.js";
import { TITLE_PROMPT, titleOf } from "./title-prompt.js";

/** /title 12 My own title (never overwritten by a fetched one), /title 12 - (back to the page's), and /refetch 12 (try the page again). */
export function pageTitlesFeature() {
  const feature = new Composer<BotContext>();

  feature.command("title", async (ctx) => {
    const asked = /^\s*(\d{1,15})\s*$/u.exec(ctx.match);
    if (asked) return await ctx.conversation.enter(TITLE_PROMPT, Number(asked[1]));
    const match = /^\s*(\d{1,15})\s+([\s\S]+)$/u.exec(ctx.match);
    const title = match?.[2] && titleOf(match[2]);
    if (!match || !title) return await ctx.reply(ctx.t("title-usage"));
    const notFound = () => ctx.t("link-number-not-found", { id: String(Number(match[1])) });
    if (title === "-") {
      const cleared = await clearUserTitle(ctx.db, ctx.user.id, Number(match[1]));
      return await ctx.reply(cleared ? ctx.t("title-cleared") : notFound());
    }
    const done = await setUserTitle(ctx.db, ctx.user.id, Number(match[1]), title);
    await ctx.reply(done ? ctx.t("title-set", { title: escapeHtml(title) }) : notFound());
  });

  // Answered at once; the title worker edits the answer when the fetch ends, with the title or the reason it failed.
  feature.command("refetch", async (ctx) => {
    const id = /^\s*(\d{1,15})\s*$/u.exec(ctx.match)?.[1];
    if (!id) return await ctx.reply(ctx.t("refetch-usage"));
    const notFound = ctx.t("link-number-not-found", { id: String(Number(id)) });
    const [link] = await findUserLinks(ctx.db, ctx.user.id, [Number(id)]);
    if (!link) return await ctx.reply(notFound);
    // Sent before the link is queued, so the fetch cannot end before there is an answer to edit.
    const answer = await ctx.reply(ctx.t("refetch-queued"));
    const queued = await requestRefetch(ctx.db, ctx.user.id, link.id, ctx.clock(), { chatId: answer.chat.id, messageId: answer.message_id });
    if (!queued) await ctx.api.editMessageText(answer.chat.id, answer.message_id, notFound);
  });
  return feature;
}
