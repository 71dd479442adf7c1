import type { Conversation } from "@grammyjs/conversations";
import type { Message } from "@grammyjs/types";
import { captureLinks } from "../../capture/capture-links.js";
import type { DB } from "../../db/connection.js";
import { extractLinks } from "../../links/extract.js";
import { rememberLinkMessage } from "../../store/links.js";
import { recordSaveConfirmation, savedLinksWithTags } from "../../store/save-confirmations.js";
import { replaceLinkTags } from "../../store/tags.js";
import { findUser } from "../../store/users.js";
import { parseTags } from "../../tags/parse-tags.js";
import { confirmationText, linkLines } from "../../views/links.js";
import type { BotContext, ConversationContext } from "../../bot/context.js";
import { isCommand } from "../../bot/commands.js";
import type { AlbumHints } from "../capture/album-hints.js";
import { knownLinksReply } from "../capture/known-links.js";
import { parseTagCallback, TAG_CALLBACK_PREFIX, tagKeyboard } from "./keyboard.js";
import { loadTagQuestion, type TagQuestionData } from "./tag-view.js";

export const TAGGING_CONVERSATION = "tagLinks";

/** What one tag question is about; JSON only, since it is stored with the conversation. */
export interface TagRequest {
  linkIds: number[];
  /** Album messages share this id: later parts of the album join the same question. */
  mediaGroupId?: string;
  retag?: boolean;
}

export interface TaggingDeps {
  db: DB;
  clock: () => number;
  timeoutMs: number;
  albums: AlbumHints;
}

type TagConversation = Conversation<BotContext, ConversationContext>;

type Outcome = { kind: "tags"; tags: string[] } | { kind: "skip" };

const noPreview = { is_disabled: true } as const;

function questionText(ctx: ConversationContext, request: TagRequest, data: TagQuestionData): string {
  const key = request.retag ? "tag-question-retag" : "tag-question";
  return ctx.t(key, { count: data.links.length, links: linkLines(data.links) });
}

/** A reply to another message is a note for the notes feature, not an answer to this question. */
function repliesElsewhere(message: Message, question: Message): boolean {
  return message.reply_to_message !== undefined && message.reply_to_message.message_id !== question.message_id;
}

/**
 * Asks for tags for each request in turn. Links arriving meanwhile are saved at once and queued for their
 * own question. The builder is replayed on every update: every database access goes through `external`,
 * and API errors are never caught here, so a failed call ends the conversation instead of stalling the
 * chat (grammyjs/conversations#155).
 */
export function createTaggingConversation(deps: TaggingDeps) {
  const { db } = deps;

  async function absorbLinks(conversation: TagConversation, ctx: ConversationContext, message: Message, current: TagRequest, queue: TagRequest[]) {
    const userId = ctx.from!.id;
    const extraction = extractLinks(message);
    const { result, timeZone } = await conversation.external(async () => ({
      result: await captureLinks(db, userId, extraction, deps.clock()),
      timeZone: (await findUser(db, userId))?.time_zone ?? "UTC",
    }));
    const ids = result.saved.map((link) => link.id);
    const group = message.media_group_id;
    if (group) deps.albums.sawLinks(group);
    const sameAlbum = [current, ...queue].find((request) => group !== undefined && request.mediaGroupId === group);
    if (sameAlbum) sameAlbum.linkIds.push(...ids);
    else if (ids.length > 0) {
      queue.push({ linkIds: ids, ...(group ? { mediaGroupId: group } : {}) });
      await ctx.reply(ctx.t("tag-queued", { count: ids.length }), { reply_parameters: { message_id: message.message_id } });
    }
    if (result.known.length > 0) {
      const reply = knownLinksReply(ctx.t, result.known, timeZone);
      await ctx.reply(reply.text, { parse_mode: "HTML", reply_markup: reply.keyboard, link_preview_options: noPreview });
    }
    return sameAlbum === current && ids.length > 0;
  }

  async function waitForAnswer(conversation: TagConversation, request: TagRequest, queue: TagRequest[], question: Message, data: TagQuestionData): Promise<Outcome> {
    const selected = new Set(data.current);
    for (;;) {
      const ctx = await conversation.wait({ maxMilliseconds: deps.timeoutMs });
      const callbackData = ctx.callbackQuery?.data;
      if (callbackData?.startsWith(TAG_CALLBACK_PREFIX) && ctx.callbackQuery?.message?.message_id === question.message_id) {
        const answer = parseTagCallback(callbackData);
        await ctx.answerCallbackQuery();
        if (answer?.kind === "skip") return { kind: "skip" };
        if (answer?.kind === "done") return { kind: "tags", tags: [...selected] };
        const tag = answer && data.options[answer.index];
        if (!tag) continue;
        if (!selected.delete(tag)) selected.add(tag);
        await ctx.editMessageReplyMarkup({ reply_markup: tagKeyboard(data.options, selected, ctx.t) });
        continue;
      }
      const message = ctx.message;
      if (!message || isCommand(message) || repliesElsewhere(message, question)) await conversation.skip({ next: true });
      const found = extractLinks(message!).links.length > 0;
      if (found) {
        if (await absorbLinks(conversation, ctx, message!, request, queue)) {
          Object.assign(data, await conversation.external(() => loadTagQuestion(db, ctx.from!.id, request.linkIds, deps.clock())));
          await ctx.api.editMessageText(question.chat.id, question.message_id, questionText(ctx, request, data), {
            parse_mode: "HTML",
            reply_markup: tagKeyboard(data.options, selected, ctx.t),
            link_preview_options: noPreview,
          });
        }
        continue;
      }
      // The rest of an album (photos without captions) belongs to a question already asked.
      if (message!.media_group_id && [request, ...queue].some((r) => r.mediaGroupId === message!.media_group_id)) continue;
      const typed = parseTags(message!.text ?? "");
      if (typed.length === 0) await conversation.skip({ next: true });
      return { kind: "tags", tags: [...new Set([...selected, ...typed])] };
    }
  }

  async function askForTags(conversation: TagConversation, ctx: ConversationContext, request: TagRequest, queue: TagRequest[]) {
    const userId = ctx.from!.id;
    const chatId = ctx.chat!.id;
    const data = await conversation.external(() => loadTagQuestion(db, userId, request.linkIds, deps.clock()));
    if (data.links.length === 0) return;
    const question = await ctx.reply(questionText(ctx, request, data), {
      parse_mode: "HTML",
      reply_markup: tagKeyboard(data.options, new Set(data.current), ctx.t),
      link_preview_options: noPreview,
    });
    await conversation.external(() => rememberLinkMessage(db, chatId, question.message_id, request.linkIds));
    const outcome = await waitForAnswer(conversation, request, queue, question, data);
    const confirmed = await conversation.external(async () => {
      if (outcome.kind === "tags") await replaceLinkTags(db, userId, request.linkIds, outcome.tags, deps.clock());
      await recordSaveConfirmation(db, { chatId, messageId: question.message_id, userId, linkIds: request.linkIds }, deps.clock());
      // Read again: a page title fetched while the question was open belongs in the confirmation.
      return await savedLinksWithTags(db, userId, request.linkIds);
    });
    const confirmation = confirmationText(ctx.t, confirmed.links, confirmed.tags);
    await ctx.api.editMessageText(chatId, question.message_id, confirmation, { parse_mode: "HTML", link_preview_options: noPreview });
  }

  return async function tagLinks(conversation: TagConversation, ctx: ConversationContext, first: TagRequest) {
    const queue: TagRequest[] = [first];
    for (let request = queue.shift(); request; request = queue.shift()) {
      await askForTags(conversation, ctx, request, queue);
    }
  };
}
