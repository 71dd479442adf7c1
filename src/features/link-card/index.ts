import { Composer, type CallbackQueryContext, type InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "@grammyjs/types";
import type { BotContext } from "../../telegram/context.js";
import { PROMPTS } from "../../telegram/prompts.js";
import { UNDO_MINUTES } from "../../jobs/trash-purge.js";
import { linkDetails, type LinkDetails } from "../../store/link-details.js";
import { rememberLinkMessage } from "../../store/links.js";
import { deleteNote, findNote } from "../../store/notes.js";
import { requestRefetch } from "../../store/page-info.js";
import { setRead } from "../../store/reading.js";
import { suggestTags, tagsNamed, tagsWithIds, toggleLinkTag } from "../../store/tags.js";
import { restoreLink, softDeleteLink } from "../../store/trash.js";
import {
  cardData,
  cardNoteData,
  cardPreview,
  cardTagData,
  cardText,
  deleteConfirmation,
  deletedText,
  noteDeleteConfirmation,
  renderCard,
  tagPicker,
} from "./card.js";
import { noteEditPrompt } from "./note-edit-prompt.js";

export { noteEditPrompt };

// The picker offers the link's tags and this many of the user's most used others.
const SUGGESTED_TAGS = 9;

/** Edits the pressed message; an identical one (a double tap) is not an error. */
async function edit(ctx: BotContext, text: string, keyboard: InlineKeyboard | undefined, url?: string): Promise<void> {
  await ctx
    .editMessageText(text, { ...(keyboard ? { reply_markup: keyboard } : {}), ...(url ? { link_preview_options: cardPreview(url) } : {}) })
    .catch((error: unknown) => {
      if (!String(error).includes("message is not modified")) throw error;
    });
}

const redrawCard = (ctx: BotContext, link: LinkDetails) => {
  const card = renderCard(ctx.t, link, ctx.user.time_zone, ctx.clock());
  return edit(ctx, card.text, card.keyboard, link.url);
};

/** The tag ids a picker offers, in its order, read back from its own buttons: toggling keeps every tag in place. */
function offeredTags(markup: InlineKeyboardMarkup | undefined): number[] {
  const data = (markup?.inline_keyboard ?? []).flat().map((button) => ("callback_data" in button ? button.callback_data : ""));
  return data.flatMap((value) => {
    const tag = cardTagData.unpack(value);
    return tag ? [tag.tagId] : [];
  });
}

/** The picker's tags: those offered already when the picker is shown, else the link's own then the most used. */
async function pickerTags(ctx: BotContext, link: LinkDetails, offered: readonly number[]) {
  const tags =
    offered.length > 0
      ? await tagsWithIds(ctx.db, ctx.user.id, offered)
      : await (async () => {
          const names = [...new Set([...link.tags, ...(await suggestTags(ctx.db, ctx.user.id, ctx.clock(), SUGGESTED_TAGS + link.tags.length))])];
          const found = await tagsNamed(ctx.db, ctx.user.id, names);
          return names.flatMap((name) => found.filter((tag) => tag.name === name)).slice(0, Math.max(link.tags.length, SUGGESTED_TAGS));
        })();
  return tags.map((tag) => ({ ...tag, on: link.tags.includes(tag.name) }));
}

async function onCardButton(ctx: CallbackQueryContext<BotContext>): Promise<unknown> {
  const { action, linkId } = cardData.unpack(ctx.callbackQuery.data)!;
  const notFound = () => ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
  if (action === "D") {
    const deleted = await softDeleteLink(ctx.db, ctx.user.id, linkId, ctx.clock());
    if (!deleted) return await notFound();
    await ctx.answerCallbackQuery();
    const reply = deletedText(ctx.t, deleted, UNDO_MINUTES);
    return await edit(ctx, reply.text, reply.keyboard);
  }
  if (action === "z") {
    const outcome = await restoreLink(ctx.db, ctx.user.id, linkId);
    if ("problem" in outcome) return await ctx.answerCallbackQuery({ text: ctx.t(outcome.problem === "gone" ? "card-undo-gone" : "card-undo-saved-again") });
  }
  if (action === "r" || action === "u") await setRead(ctx.db, ctx.user.id, linkId, action === "r", ctx.clock());
  const link = await linkDetails(ctx.db, ctx.user.id, linkId);
  if (!link) return await notFound();
  switch (action) {
    case "d":
      await ctx.answerCallbackQuery();
      return await ctx.editMessageReplyMarkup({ reply_markup: deleteConfirmation(ctx.t, linkId) });
    case "t":
      await ctx.answerCallbackQuery({ text: ctx.t("card-tags-hint") });
      return await ctx.editMessageReplyMarkup({ reply_markup: tagPicker(ctx.t, linkId, await pickerTags(ctx, link, [])) });
    case "e":
      await ctx.answerCallbackQuery();
      return await ctx.conversation.enter(PROMPTS.title, linkId);
    case "f": {
      const queued = await requestRefetch(ctx.db, ctx.user.id, linkId, ctx.clock());
      return await ctx.answerCallbackQuery({ text: ctx.t(queued ? "refetch-queued" : "link-not-found") });
    }
    default: {
      const toast = { r: "marked-read", u: "marked-unread", z: "card-restored" } as const;
      await ctx.answerCallbackQuery(action in toast ? { text: ctx.t(toast[action as keyof typeof toast]) } : {});
      await redrawCard(ctx, link);
      // The card speaks about its link again: replies to it are notes, /note goes there.
      if (action === "z" && ctx.callbackQuery.message) await rememberLinkMessage(ctx.db, ctx.chat!.id, ctx.callbackQuery.message.message_id, [linkId]);
    }
  }
}

async function onNoteButton(ctx: CallbackQueryContext<BotContext>): Promise<unknown> {
  const { action, noteId } = cardNoteData.unpack(ctx.callbackQuery.data)!;
  const found = await findNote(ctx.db, ctx.user.id, noteId);
  if (!found) return await ctx.answerCallbackQuery({ text: ctx.t("note-not-found") });
  const link = await linkDetails(ctx.db, ctx.user.id, found.link.id);
  if (!link) return await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
  if (action === "d") {
    await ctx.answerCallbackQuery();
    const number = link.notes.findIndex((note) => note.id === noteId) + 1;
    return await ctx.editMessageReplyMarkup({ reply_markup: noteDeleteConfirmation(ctx.t, link.id, noteId, number) });
  }
  if (action === "e") {
    await ctx.answerCallbackQuery();
    return await ctx.conversation.enter(PROMPTS.noteEdit, noteId, ctx.callbackQuery.message!.message_id);
  }
  await deleteNote(ctx.db, ctx.user.id, noteId);
  await ctx.answerCallbackQuery({ text: ctx.t("note-deleted") });
  await redrawCard(ctx, { ...link, notes: link.notes.filter((note) => note.id !== noteId) });
}

async function onTagButton(ctx: CallbackQueryContext<BotContext>): Promise<unknown> {
  const { linkId, tagId } = cardTagData.unpack(ctx.callbackQuery.data)!;
  const now = await toggleLinkTag(ctx.db, ctx.user.id, linkId, tagId, ctx.clock());
  const link = now && (await linkDetails(ctx.db, ctx.user.id, linkId));
  if (!link) return await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
  await ctx.answerCallbackQuery();
  const shown = ctx.callbackQuery.message;
  const offered = offeredTags(shown && "reply_markup" in shown ? shown.reply_markup : undefined);
  const picker = tagPicker(ctx.t, linkId, await pickerTags(ctx, link, offered.includes(tagId) ? offered : [...offered, tagId]));
  // The card's text shows the tags as they are now; the picker stays until Done.
  await edit(ctx, cardText(ctx.t, link, ctx.user.time_zone, ctx.clock()), picker, link.url);
}

/** A link's own card: /link 12 or a tap on /link_12 in any list; read, tags, title, refetch, notes and delete from there. */
export function linkCardFeature() {
  const feature = new Composer<BotContext>();

  async function sendCard(ctx: BotContext, linkId: number) {
    const link = await linkDetails(ctx.db, ctx.user.id, linkId);
    // A typed number may never have been a link of this user's, or may be one deleted since: the store cannot tell.
    if (!link) return await ctx.reply(ctx.t("link-number-not-found", { id: String(linkId) }));
    const card = renderCard(ctx.t, link, ctx.user.time_zone, ctx.clock());
    const sent = await ctx.reply(card.text, { reply_markup: card.keyboard, link_preview_options: cardPreview(link.url) });
    await rememberLinkMessage(ctx.db, sent.chat.id, sent.message_id, [link.id]);
  }

  feature.command("link", async (ctx) => {
    const id = /^\s*(\d{1,15})\s*$/.exec(ctx.match)?.[1];
    if (!id) return await ctx.reply(ctx.t("link-usage"));
    await sendCard(ctx, Number(id));
  });
  // Telegram makes "/link_12" in a message tappable; the id rides in the command's name.
  feature.hears(/^\/link_(\d{1,15})(?:@\w+)?$/, async (ctx) => await sendCard(ctx, Number(ctx.match[1])));

  feature.callbackQuery(cardData.pattern, onCardButton);
  feature.callbackQuery(cardNoteData.pattern, onNoteButton);
  feature.callbackQuery(cardTagData.pattern, onTagButton);
  return feature;
}
