import { createConversation, type Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../../telegram/context.js";
import { isCommand } from "../../telegram/commands.js";
import { PROMPTS } from "../../telegram/prompts.js";
import type { DB } from "../../db/connection.js";
import { hasLinks } from "../../links/has-links.js";
import { noteTextOf } from "../../notes/note-text.js";
import { linkDetails } from "../../store/link-details.js";
import { findNote, setNoteText } from "../../store/notes.js";
import { findUser } from "../../store/users.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { displayTitle } from "../../views/links.js";
import { cardPreview, renderCard } from "./card.js";

// A note is retyped within minutes or forgotten; after this the next message is an ordinary message again.
const WAIT_MS = 10 * 60_000;
const SHOWN_TEXT = 300;

/**
 * ✏️ under a note on a card: asks for the new text (as a reply the app opens by itself, or simply the next
 * message) and then redraws the card. The same shape as the title prompt: one wait, anything that is no note
 * (a command, a button, links) ends the prompt and is handled as usual, the database only through `external`.
 *
 * Chosen over "send /note edit 3 text": one tap and then typing, with the note's current text shown to copy from,
 * and no note number to get wrong; the state survives restarts in `conversation_state` like the title prompt's.
 */
export function noteEditPrompt(db: DB) {
  async function askForNote(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, noteId: number, cardMessageId: number) {
    const userId = ctx.from!.id;
    const found = await conversation.external(async () => {
      const note = await findNote(db, userId, noteId);
      return note && { url: note.link.url, title: note.link.title, text: note.note.text };
    });
    if (!found) return void (await ctx.reply(ctx.t("note-not-found")));
    const ask = ctx.t("card-note-ask", { link: escapeHtml(displayTitle(found)), text: escapeHtml(truncate(found.text, SHOWN_TEXT)) });
    await ctx.reply(ask, { reply_markup: { force_reply: true } });
    const answer = await conversation.wait({ maxMilliseconds: WAIT_MS });
    const message = answer.message;
    const text = message ? noteTextOf(message) : null;
    if (!message || text === null || isCommand(message) || hasLinks(message)) return await conversation.halt({ next: true });
    const now = await conversation.now();
    const card = await conversation.external(async () => {
      if (!(await setNoteText(db, userId, noteId, text, now))) return null;
      const note = await findNote(db, userId, noteId);
      const user = await findUser(db, userId);
      const link = note && (await linkDetails(db, userId, note.link.id));
      return link ? { link, timeZone: user?.time_zone ?? "UTC" } : undefined;
    });
    if (card === null) return void (await answer.reply(ctx.t("note-not-found")));
    if (card) {
      const rendered = renderCard(ctx.t, card.link, card.timeZone, now);
      // The card may have been deleted from the chat meanwhile: the note is saved all the same.
      await ctx.api
        .editMessageText(ctx.chat!.id, cardMessageId, rendered.text, { reply_markup: rendered.keyboard, link_preview_options: cardPreview(card.link.url) })
        .catch(() => undefined);
    }
    await answer.reply(ctx.t("card-note-updated"), { reply_parameters: { message_id: message.message_id } });
  }
  return createConversation(askForNote, { id: PROMPTS.noteEdit });
}
