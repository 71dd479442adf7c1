import { Composer, InlineKeyboard, type CallbackQueryContext, type Filter, type NextFunction } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { isCommand } from "../../telegram/commands.js";
import { acknowledge } from "../../telegram/acknowledge.js";
import { hasLinks } from "../../links/has-links.js";
import { askTagsOrNote, noteOnQuestion, offerLateTags, resolveLateTags, resolveTagsOrNote, undoNote } from "../../questions/answers.js";
import { legacyTagData, parseQuestionButton, QUESTION_CALLBACK, questionButton, undoNoteData, type QuestionAction } from "../../questions/callback-data.js";
import { askQuestion, portOf, type QuestionDeps, type QuestionPort } from "../../questions/flow.js";
import { closeQuestions, reopenQuestion, settleUntagged, settleWithTags, tagOneByOne, tagTogether, toggleTag } from "../../questions/settle.js";
import { retagData } from "../../questions/known-links.js";
import { findUserLinks } from "../../store/links.js";
import { tagsOfLinks } from "../../store/tags.js";
import {
  createTagQuestion,
  currentQuestion,
  findTagQuestion,
  lastSettledQuestion,
  openQuestions,
  questionLinkIds,
  type TagQuestion,
} from "../../store/tag-questions.js";
import { classifyAnswer } from "../../tags/answer-kind.js";

// Tag-like words typed this soon after a question was settled are offered for its links.
const LATE_TAGS_MS = 10 * 60_000;

/** A button press on a question: every id is the pressing user's, or the press gets "not found". */
async function onQuestionButton(ctx: CallbackQueryContext<BotContext>, deps: QuestionDeps): Promise<void> {
  const press = parseQuestionButton(ctx.callbackQuery.data);
  const question = press && (await findTagQuestion(ctx.db, ctx.user.id, press.questionId));
  const shownIn = ctx.callbackQuery.message?.message_id;
  if (!press || !question || shownIn === undefined) return void (await ctx.answerCallbackQuery({ text: ctx.t("tag-question-expired") }));
  const port = portOf(ctx, deps);
  await ctx.answerCallbackQuery();
  const handled = await runAction(port, question, press.action, press.index, shownIn);
  if (!handled) await ctx.api.sendMessage(ctx.chat!.id, ctx.t("button-expired"));
}

async function runAction(port: QuestionPort, question: TagQuestion, action: QuestionAction, index: number, shownIn: number): Promise<boolean> {
  switch (action) {
    case "toggle":
      return await toggleTag(port, question, index);
    case "done":
      return (await settleWithTags(port, question, question.selected), true);
    case "skip":
      return (await settleUntagged(port, question), true);
    case "together":
      return (await tagTogether(port, question), true);
    case "oneByOne":
      return (await tagOneByOne(port, question), true);
    case "tag":
      return (await reopenQuestion(port, question, shownIn), true);
    case "asTags":
    case "asNote":
      return await resolveTagsOrNote(port, question, action === "asTags", shownIn);
    case "lateYes":
    case "lateNo":
      return await resolveLateTags(port, question, action === "lateYes", shownIn);
  }
}

/**
 * Text typed while a question is open: tags when it reads like tags, a note when it reads like a sentence, and a
 * question with both readings when it could be either. Replies to other messages are notes for the notes feature.
 */
async function onTypedText(ctx: Filter<BotContext, "message">, deps: QuestionDeps, next: NextFunction): Promise<void> {
  const message = ctx.message;
  const text = message.text;
  // Anything that carries a link, even one that will turn out unusable, is capture's to answer.
  if (text === undefined || isCommand(message) || hasLinks(message)) return await next();
  const replyTo = message.reply_to_message?.message_id;
  const port = portOf(ctx, deps);
  const question = await currentQuestion(ctx.db, ctx.chat.id);
  if (!question) return await offerLateOrPass(ctx, port, text, replyTo, next);
  if (replyTo !== undefined && replyTo !== question.messageId) return await next();
  const answer = classifyAnswer(text, { repliesToQuestion: replyTo !== undefined });
  if (answer.kind === "tags") {
    await settleWithTags(port, question, [...new Set([...question.selected, ...answer.tags])]);
    // The question it answers may be far above: 👌 on the user's own message says the tags were taken, without a reply.
    return await acknowledge(ctx.api, ctx.chat.id, message.message_id, "👌", ctx.logger);
  }
  if (answer.kind === "note") return await noteOnQuestion(port, question, message.message_id, text);
  if (answer.kind === "ask") return await askTagsOrNote(port, question, message.message_id, text, answer.tags);
  await next();
}

async function offerLateOrPass(
  ctx: Filter<BotContext, "message">,
  port: QuestionPort,
  text: string,
  replyTo: number | undefined,
  next: NextFunction,
): Promise<void> {
  const answer = classifyAnswer(text);
  const settled = replyTo === undefined && answer.kind === "tags" ? await lastSettledQuestion(ctx.db, ctx.chat.id, ctx.clock() - LATE_TAGS_MS) : undefined;
  if (!settled || answer.kind !== "tags") return await next();
  await offerLateTags(port, settled, ctx.message.message_id, text, answer.tags);
}

/** /cancel: open questions close as "Saved · no tags"; links waiting in line are counted and offered with one button. */
async function onCancel(ctx: BotContext, deps: QuestionDeps): Promise<void> {
  const port = portOf(ctx, deps);
  const prompting = Object.keys(ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  const open = await openQuestions(ctx.db, ctx.chat!.id);
  const merged = open.length > 0 ? await closeQuestions(port, open) : undefined;
  if (open.length === 0) return void (await ctx.reply(ctx.t(prompting ? "cancel-done" : "cancel-nothing")));
  const untagged = merged ? questionLinkIds(merged).length : 0;
  if (untagged === 0) return void (await ctx.reply(ctx.t("cancel-done")));
  const keyboard = new InlineKeyboard().text(ctx.t("tag-button-more", { count: untagged }), questionButton(merged!.id, "tag"));
  await ctx.reply(ctx.t("cancel-done-queued", { count: untagged }), { reply_markup: keyboard });
}

/** Re-tag on an "already saved" reply or a card: a question about that one link, its tags preselected. */
async function onRetag(ctx: CallbackQueryContext<BotContext>, deps: QuestionDeps): Promise<void> {
  const [link] = await findUserLinks(ctx.db, ctx.user.id, [retagData.unpack(ctx.callbackQuery.data)!.linkId]);
  if (!link) return void (await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") }));
  await ctx.answerCallbackQuery();
  const current = (await tagsOfLinks(ctx.db, [link.id])).get(link.id) ?? [];
  const now = ctx.clock();
  const question = await createTagQuestion(ctx.db, {
    userId: ctx.user.id,
    chatId: ctx.chat!.id,
    status: "open",
    groups: [[link.id]],
    knownIds: [],
    mediaGroupId: null,
    retag: true,
    selected: current,
    now,
    expiresAt: now + deps.timeoutMs,
  });
  await askQuestion(portOf(ctx, deps), question);
}

/** /cancel, installed before the conversations so that it also ends a prompt that waits for the next message. */
export function cancelFeature(deps: QuestionDeps) {
  const feature = new Composer<BotContext>();
  feature.command("cancel", (ctx) => onCancel(ctx, deps));
  return feature;
}

export function taggingFeature(deps: QuestionDeps) {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(QUESTION_CALLBACK, (ctx) => onQuestionButton(ctx, deps));
  feature.callbackQuery(undoNoteData.pattern, async (ctx) => {
    const { messageId } = undoNoteData.unpack(ctx.callbackQuery.data)!;
    const undone = await undoNote(portOf(ctx, deps), ctx.user.id, ctx.chat!.id, messageId, ctx.callbackQuery.message!.message_id);
    await ctx.answerCallbackQuery(undone ? {} : { text: ctx.t("note-not-found") });
  });
  feature.callbackQuery(retagData.pattern, (ctx) => onRetag(ctx, deps));
  // Buttons of questions asked before questions were stored as rows.
  feature.callbackQuery(legacyTagData.pattern, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("tag-question-expired") }));
  feature.on("message", (ctx, next) => onTypedText(ctx, deps, next));
  return feature;
}
