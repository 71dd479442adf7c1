import type { Message } from "@grammyjs/types";
import type { CallbackQueryContext, CommandContext, Filter, NextFunction } from "grammy";
import { isCommand } from "../../telegram/commands.js";
import { acknowledge } from "../../telegram/acknowledge.js";
import type { BotContext } from "../../telegram/context.js";
import type { Link } from "../../db/schema.js";
import { hasLinks } from "../../links/has-links.js";
import { noteTextOf } from "../../notes/note-text.js";
import { findUserLinks, lastTouchedLink, recentLinks, rememberLinkMessage } from "../../store/links.js";
import { addNote, deleteNote, findNote, linksOfMessage, moveNote, updateNoteText } from "../../store/notes.js";
import {
  choicesOf,
  deleteQuestion,
  linkName,
  MAX_CHOICES,
  moveData,
  movePicker,
  moveToData,
  noteConfirmation,
  noteData,
  pickData,
  whichOne,
  type Confirmation,
} from "./confirmation.js";
import { leadingNumber, listItems, type ListItem } from "./list-reply.js";

// The Move picker offers this many of the user's links saved last.
const MOVE_CHOICES = 8;

/** Edits the pressed message; an identical one (a double tap) is not an error. */
async function edit(ctx: BotContext, shown: Confirmation): Promise<void> {
  await ctx.editMessageText(shown.text, shown.keyboard ? { reply_markup: shown.keyboard } : {}).catch((error: unknown) => {
    if (!String(error).includes("message is not modified")) throw error;
  });
}

/** Stores the note on the first of `choices`, then confirms in reply; the confirmation names the link, so replies to it add notes too. */
async function attachAndConfirm(ctx: BotContext, message: Message, choices: readonly Link[], text: string): Promise<void> {
  const [first] = choices;
  const source = { chatId: message.chat.id, messageId: message.message_id };
  const note = first && (await addNote(ctx.db, { userId: ctx.user.id, linkId: first.id, text, source, now: ctx.clock() }));
  if (!note) {
    await ctx.reply(ctx.t("link-not-found"));
    return;
  }
  // An update handled twice finds its note again, possibly moved meanwhile.
  const current = choices.find((link) => link.id === note.link_id) ?? first;
  const confirmation = noteConfirmation(ctx.t, "note-added", note.id, current, choices);
  const sent = await ctx.reply(confirmation.text, { reply_markup: confirmation.keyboard, reply_parameters: { message_id: message.message_id } });
  await rememberLinkMessage(ctx.db, sent.chat.id, sent.message_id, [note.link_id]);
}

/**
 * A reply to a list: a leading number that is on the page ("9 先看这个", "#9 …") picks that item, a page of one
 * item is that item, and otherwise the bot asks which one, with the page's own numbers.
 */
async function noteOnListItem(ctx: Filter<BotContext, "message">, items: readonly ListItem[], choices: readonly Link[], text: string): Promise<void> {
  const named = leadingNumber(text);
  const item = (named && items.find((candidate) => candidate.number === named.number)) ?? (items.length === 1 ? items[0] : undefined);
  const link = item && choices.find((choice) => choice.id === item.linkId);
  if (link) return await attachAndConfirm(ctx, ctx.message, [link], named && item.number === named.number ? named.rest : text);
  const question = whichOne(ctx.t, items);
  await ctx.reply(question.text, { reply_markup: question.keyboard, reply_parameters: { message_id: ctx.message.message_id } });
}

/**
 * A reply to a message about links is a note on them. A reply with links of its own to any other message is
 * left to capture; one with words only hears why it was not kept and how a note is added.
 */
export async function noteFromReply(ctx: Filter<BotContext, "message">, next: NextFunction): Promise<void> {
  const target = ctx.message.reply_to_message;
  const text = noteTextOf(ctx.message);
  if (!target || text === null || isCommand(ctx.message)) return await next();
  const choices = await linksOfMessage(ctx.db, ctx.user.id, { chatId: ctx.chat.id, messageId: target.message_id });
  const items = listItems(
    target,
    choices.map((link) => link.id),
  );
  if (items.length > 0) return await noteOnListItem(ctx, items, choices, text);
  if (choices.length > 0) return await attachAndConfirm(ctx, ctx.message, choices.slice(0, MAX_CHOICES), text);
  if (hasLinks(ctx.message)) return await next();
  await ctx.reply(ctx.t("note-not-saved"), { reply_parameters: { message_id: ctx.message.message_id } });
}

/** A number under "Which one?": the reply that question answers becomes the note on that item. */
export async function pickListItem(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const { linkId } = pickData.unpack(ctx.callbackQuery.data)!;
  const asked = ctx.callbackQuery.message;
  // The question replies to the user's note; Telegram hands that message over with the question, as it is now.
  const reply = asked && "reply_to_message" in asked ? asked.reply_to_message : undefined;
  const text = reply && noteTextOf(reply);
  const [link] = await findUserLinks(ctx.db, ctx.user.id, [linkId]);
  if (!reply || !text || !link) return void (await ctx.answerCallbackQuery({ text: ctx.t(link ? "note-reply-gone" : "link-not-found") }));
  const note = await addNote(ctx.db, { userId: ctx.user.id, linkId, text, source: { chatId: reply.chat.id, messageId: reply.message_id }, now: ctx.clock() });
  if (!note) return void (await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") }));
  await ctx.answerCallbackQuery();
  // A second press finds the note made by the first: the confirmation names where it is.
  const [current] = note.link_id === linkId ? [link] : await findUserLinks(ctx.db, ctx.user.id, [note.link_id]);
  await edit(ctx, noteConfirmation(ctx.t, "note-added", note.id, current ?? link, []));
  await rememberLinkMessage(ctx.db, asked!.chat.id, asked!.message_id, [note.link_id]);
}

/** `/note <text>`: a note on the link the user touched last (saved, sent again, opened as a card, listed alone). */
export async function noteCommand(ctx: CommandContext<BotContext>): Promise<void> {
  const text = noteTextOf(ctx.msg);
  if (text === null) {
    await ctx.reply(ctx.t("note-usage"));
    return;
  }
  const link = await lastTouchedLink(ctx.db, ctx.user.id);
  if (!link) {
    await ctx.reply(ctx.t("note-no-links"));
    return;
  }
  await attachAndConfirm(ctx, ctx.msg, [link], text);
}

/** Editing the message a note came from edits the note, without a word back: a ✍ reaction on the edited message says so. */
export async function noteFromEdit(ctx: Filter<BotContext, "edited_message">, next: NextFunction): Promise<void> {
  const text = noteTextOf(ctx.editedMessage);
  const source = { chatId: ctx.chat.id, messageId: ctx.editedMessage.message_id };
  if (text === null || !(await updateNoteText(ctx.db, ctx.user.id, source, text, ctx.clock()))) return await next();
  await acknowledge(ctx.api, source.chatId, source.messageId, "✍", ctx.logger);
}

/** A "move to N" button: moves the note, then redraws the confirmation around its new link. */
export async function moveToChoice(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const { noteId, linkId } = moveData.unpack(ctx.callbackQuery.data)!;
  const shown = ctx.callbackQuery.message;
  const shownIn = shown && { chatId: shown.chat.id, messageId: shown.message_id };
  const outcome = await moveNote(ctx.db, ctx.user.id, noteId, linkId, ctx.clock(), shownIn);
  if (outcome !== "moved") {
    await ctx.answerCallbackQuery({ text: ctx.t(outcome === "same" ? "note-already-there" : "note-not-found") });
    return;
  }
  const offered = choicesOf(shown && "reply_markup" in shown ? shown.reply_markup : undefined);
  const ids = offered.includes(linkId) ? offered : [...offered, linkId];
  const found = await findUserLinks(ctx.db, ctx.user.id, ids);
  const choices = ids.flatMap((id) => found.filter((link) => link.id === id));
  // moveNote has just found this link to be the user's, and this chat's updates are handled one at a time.
  const current = choices.find((link) => link.id === linkId)!;
  const confirmation = noteConfirmation(ctx.t, "note-moved", noteId, current, choices);
  await ctx.editMessageText(confirmation.text, { reply_markup: confirmation.keyboard });
  await ctx.answerCallbackQuery({ text: ctx.t("note-move-done") });
}

/** A link chosen in the Move picker: the note goes there and the picker becomes "Note moved to …". */
export async function moveToRecent(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const { noteId, linkId } = moveToData.unpack(ctx.callbackQuery.data)!;
  const shown = ctx.callbackQuery.message;
  const shownIn = shown && { chatId: shown.chat.id, messageId: shown.message_id };
  const outcome = await moveNote(ctx.db, ctx.user.id, noteId, linkId, ctx.clock(), shownIn);
  const found = outcome === "not-found" ? undefined : await findNote(ctx.db, ctx.user.id, noteId);
  if (!found) return void (await ctx.answerCallbackQuery({ text: ctx.t("note-not-found") }));
  await ctx.answerCallbackQuery({ text: ctx.t(outcome === "same" ? "note-already-there" : "note-move-done") });
  await edit(ctx, noteConfirmation(ctx.t, "note-moved", noteId, found.link, []));
}

/** Move, 🗑 Delete, its Yes and No, under a note's confirmation. */
export async function noteButton(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const { action, noteId } = noteData.unpack(ctx.callbackQuery.data)!;
  const found = await findNote(ctx.db, ctx.user.id, noteId);
  if (!found) return void (await ctx.answerCallbackQuery({ text: ctx.t("note-not-found") }));
  await ctx.answerCallbackQuery();
  switch (action) {
    case "m":
      return await edit(ctx, movePicker(ctx.t, noteId, found.link, await recentLinks(ctx.db, ctx.user.id, MOVE_CHOICES, found.link.id)));
    case "d":
      return await edit(ctx, { text: ctx.t("note-delete-ask", { link: linkName(found.link) }), keyboard: deleteQuestion(ctx.t, noteId) });
    case "D":
      await deleteNote(ctx.db, ctx.user.id, noteId);
      return await edit(ctx, { text: ctx.t("note-deleted-from", { link: linkName(found.link) }) });
    case "k":
      return await edit(ctx, noteConfirmation(ctx.t, "note-added", noteId, found.link, []));
  }
}
