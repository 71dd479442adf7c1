import { InlineKeyboard } from "grammy";
import { addNoteToLinks, deleteNotesOfMessage } from "../store/notes.js";
import { findUserLinks } from "../store/links.js";
import { addLinkTags } from "../store/tags.js";
import { questionLinkIds, updateTagQuestion, type TagQuestion } from "../store/tag-questions.js";
import { parseTags } from "../tags/parse-tags.js";
import { displayTitle, tagList } from "../views/links.js";
import { escapeHtml } from "../views/html.js";
import { questionButton, undoNoteButton } from "./callback-data.js";
import { redrawQuestion, type QuestionPort } from "./flow.js";
import { settleWithTags } from "./settle.js";

/** "the post on X" for one link, "3 links" for several: how replies name what they are about. */
async function linksName(port: QuestionPort, question: TagQuestion): Promise<string> {
  const ids = questionLinkIds(question);
  if (ids.length !== 1) return port.t("links-count", { count: ids.length });
  const [link] = await findUserLinks(port.db, question.userId, ids);
  return link ? `<b>${escapeHtml(displayTitle(link))}</b>` : port.t("links-count", { count: ids.length });
}

/** Prose typed while a question is open: a note on its links. The question stays open; Undo takes the note back. */
export async function noteOnQuestion(port: QuestionPort, question: TagQuestion, messageId: number, text: string, editMessageId?: number): Promise<void> {
  await addNoteToLinks(port.db, {
    userId: question.userId,
    linkIds: questionLinkIds(question),
    text,
    source: { chatId: question.chatId, messageId },
    now: port.clock(),
  });
  await updateTagQuestion(port.db, question.id, { pending: null, touchedAt: port.clock(), expiresAt: port.clock() + port.timeoutMs });
  const reply = port.t("note-on-question", { links: await linksName(port, question) });
  const keyboard = new InlineKeyboard().text(port.t("note-undo"), undoNoteButton(messageId));
  if (editMessageId !== undefined) {
    await port.api.editMessageText(question.chatId, editMessageId, reply, { reply_markup: keyboard });
    return;
  }
  await port.api.sendMessage(question.chatId, reply, {
    reply_markup: keyboard,
    reply_parameters: { message_id: messageId, allow_sending_without_reply: true },
  });
}

/** Undo under "note added": the message's notes go. */
export async function undoNote(port: QuestionPort, userId: number, chatId: number, messageId: number, shownIn: number): Promise<boolean> {
  const removed = await deleteNotesOfMessage(port.db, userId, { chatId, messageId });
  if (removed.length === 0) return false;
  await port.api.editMessageText(chatId, shownIn, port.t("note-undone"));
  return true;
}

/** Words that could be tags or a remark: asked once, with both readings as buttons. */
export async function askTagsOrNote(port: QuestionPort, question: TagQuestion, messageId: number, text: string, tags: readonly string[]): Promise<void> {
  await updateTagQuestion(port.db, question.id, { pending: { text, messageId }, touchedAt: port.clock() });
  const keyboard = new InlineKeyboard()
    .text(port.t("answer-as-tags", { tags: tags.map((tag) => `#${tag}`).join(" ") }), questionButton(question.id, "asTags"))
    .row()
    .text(port.t("answer-as-note"), questionButton(question.id, "asNote"));
  await port.api.sendMessage(question.chatId, port.t("answer-tags-or-note"), {
    reply_markup: keyboard,
    reply_parameters: { message_id: messageId, allow_sending_without_reply: true },
  });
}

/** The user's choice on the tags-or-note question; `shownIn` is the message that asked. */
export async function resolveTagsOrNote(port: QuestionPort, question: TagQuestion, asTags: boolean, shownIn: number): Promise<boolean> {
  const pending = question.pending;
  if (!pending) return false;
  if (!asTags) {
    await noteOnQuestion(port, question, pending.messageId, pending.text, shownIn);
    return true;
  }
  const tags = parseTags(pending.text);
  await port.api.editMessageText(question.chatId, shownIn, port.t("answer-taken-as-tags", { tags: tagList(tags) }));
  await settleWithTags(port, question, [...new Set([...question.selected, ...tags])]);
  return true;
}

/** Tag-like words shortly after a question was settled: offered for its links, never answered with "no links". */
export async function offerLateTags(port: QuestionPort, question: TagQuestion, messageId: number, text: string, tags: readonly string[]): Promise<void> {
  await updateTagQuestion(port.db, question.id, { pending: { text, messageId } });
  const keyboard = new InlineKeyboard()
    .text(port.t("late-tags-yes"), questionButton(question.id, "lateYes"))
    .text(port.t("late-tags-no"), questionButton(question.id, "lateNo"));
  const offer = port.t("late-tags", { links: await linksName(port, question), tags: tagList(tags) });
  await port.api.sendMessage(question.chatId, offer, {
    reply_markup: keyboard,
    reply_parameters: { message_id: messageId, allow_sending_without_reply: true },
  });
}

/** Yes or No on late tags; Yes adds them to the question's links and redraws its confirmation. */
export async function resolveLateTags(port: QuestionPort, question: TagQuestion, accept: boolean, shownIn: number): Promise<boolean> {
  const pending = question.pending;
  if (!pending) return false;
  await updateTagQuestion(port.db, question.id, { pending: null });
  if (!accept) {
    await port.api.editMessageText(question.chatId, shownIn, port.t("late-tags-declined"));
    return true;
  }
  const tags = parseTags(pending.text);
  await addLinkTags(port.db, question.userId, questionLinkIds(question), tags, port.clock());
  const settled = question.status === "closed" ? { ...question, status: "done" as const } : question;
  if (settled !== question) await updateTagQuestion(port.db, question.id, { status: "done" });
  await port.api.editMessageText(question.chatId, shownIn, port.t("late-tags-done", { links: await linksName(port, question), tags: tagList(tags) }));
  await redrawQuestion(port, { ...settled, pending: null });
  return true;
}
