import type { Message } from "@grammyjs/types";
import type { CallbackQueryContext, CommandContext, Filter, NextFunction } from "grammy";
import { isCommand } from "../../telegram/commands.js";
import { acknowledge } from "../../telegram/acknowledge.js";
import type { BotContext } from "../../telegram/context.js";
import type { Link } from "../../db/schema.js";
import { hasLinks } from "../../links/has-links.js";
import { noteTextOf } from "../../notes/note-text.js";
import { findUserLinks, rememberLinkMessage } from "../../store/links.js";
import { addNote, latestLink, linksOfMessage, moveNote, updateNoteText } from "../../store/notes.js";
import { choicesOf, MAX_CHOICES, moveData, noteConfirmation } from "./confirmation.js";

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
 * A reply to a message about links is a note on them. A reply with links of its own to any other message is
 * left to capture; one with words only hears why it was not kept and how a note is added.
 */
export async function noteFromReply(ctx: Filter<BotContext, "message">, next: NextFunction): Promise<void> {
  const target = ctx.message.reply_to_message;
  const text = noteTextOf(ctx.message);
  if (!target || text === null || isCommand(ctx.message)) return await next();
  const choices = await linksOfMessage(ctx.db, ctx.user.id, { chatId: ctx.chat.id, messageId: target.message_id });
  if (choices.length > 0) return await attachAndConfirm(ctx, ctx.message, choices.slice(0, MAX_CHOICES), text);
  if (hasLinks(ctx.message)) return await next();
  await ctx.reply(ctx.t("note-not-saved"), { reply_parameters: { message_id: ctx.message.message_id } });
}

/** `/note <text>`: a note on the link saved last. */
export async function noteCommand(ctx: CommandContext<BotContext>): Promise<void> {
  const text = noteTextOf(ctx.msg);
  if (text === null) {
    await ctx.reply(ctx.t("note-usage"));
    return;
  }
  const link = await latestLink(ctx.db, ctx.user.id);
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
