import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { findUserLinks } from "../../store/links.js";
import { RETAG_CALLBACK } from "../capture/known-links.js";
import { createTaggingConversation, TAGGING_CONVERSATION, type TagRequest, type TaggingDeps } from "./conversation.js";
import { TAG_CALLBACK_PREFIX } from "./keyboard.js";

export function taggingFeature(deps: TaggingDeps) {
  const feature = new Composer<BotContext>();
  feature.use(createConversation(createTaggingConversation(deps), { id: TAGGING_CONVERSATION }));

  // Reached only when no question is waiting for this button: it belongs to an expired or finished one.
  feature.callbackQuery(new RegExp(`^${TAG_CALLBACK_PREFIX}`), async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("tag-question-expired") });
  });

  feature.callbackQuery(RETAG_CALLBACK, async (ctx) => {
    if (ctx.conversation.active(TAGGING_CONVERSATION) > 0) {
      return await ctx.answerCallbackQuery({ text: ctx.t("retag-busy") });
    }
    const [link] = await findUserLinks(ctx.db, ctx.user.id, [Number(ctx.match[1])]);
    if (!link) return await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
    await ctx.answerCallbackQuery();
    const request: TagRequest = { linkIds: [link.id], retag: true };
    await ctx.conversation.enter(TAGGING_CONVERSATION, request);
  });
  return feature;
}

export { TAGGING_CONVERSATION, type TagRequest } from "./conversation.js";
