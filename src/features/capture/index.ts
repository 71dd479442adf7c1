import type { Message } from "@grammyjs/types";
import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { isCommand } from "../../telegram/commands.js";
import { captureLinks } from "../../capture/capture-links.js";
import { extractLinks } from "../../links/extract.js";
import type { AlbumHints } from "../../questions/album-hints.js";
import { offerSavedLinks, portOf, type QuestionDeps } from "../../questions/flow.js";
import { rememberLinkMessage, touchLink } from "../../store/links.js";
import { IMPORT_EXTENSIONS } from "../../portable/formats.js";
import { escapeHtml, truncate } from "../../views/html.js";

// The kinds of message the hint names; the locale file has a word for each (and for "other").
const WORDLESS = [
  "document",
  "photo",
  "video",
  "animation",
  "sticker",
  "voice",
  "video_note",
  "audio",
  "venue",
  "location",
  "contact",
  "poll",
  "dice",
] as const;

/** What a message without links is, for the hint: a thing sent without words ("sticker"), or null for words. */
function wordlessKind(message: Message): string | null {
  if (message.text !== undefined || message.caption !== undefined) return null;
  return WORDLESS.find((kind) => message[kind] !== undefined) ?? "other";
}

/**
 * Why nothing was saved, in the words that fit what was sent: a file that is no export names the files that
 * are, a sticker or a voice message hears what the bot does keep, and text hears how a link looks.
 */
function noLinksHint(ctx: BotContext, message: Message): string {
  const formats = IMPORT_EXTENSIONS.map((extension) => `.${extension}`).join(", ");
  const fileName = message.document?.file_name;
  if (fileName) return ctx.t("document-not-importable", { file: escapeHtml(truncate(fileName, 80)), formats });
  const kind = wordlessKind(message);
  return kind === null ? ctx.t("no-links") : ctx.t("nothing-to-save", { kind, formats });
}

/**
 * Saves the links of any message (text, caption, forward) with the words around them as a note, then hands them
 * to the tag question: a burst of messages joins one question, links behind an open question wait in line.
 */
export function captureFeature(deps: QuestionDeps & { albums: AlbumHints }) {
  const feature = new Composer<BotContext>();

  feature.on("message", async (ctx, next) => {
    const message = ctx.message;
    if (isCommand(message)) return await next();
    const extraction = extractLinks(message);
    const album = message.media_group_id;
    const hintNoLinks = () => ctx.reply(noLinksHint(ctx, message), { reply_parameters: { message_id: message.message_id } });
    if (extraction.links.length === 0) {
      if (album) return deps.albums.sawNoLinks(album, () => ctx.api.sendMessage(ctx.chat.id, noLinksHint(ctx, message)));
      return await hintNoLinks();
    }
    if (album) deps.albums.sawLinks(album);
    const source = { chatId: ctx.chat.id, messageId: message.message_id };
    const { saved, known } = await captureLinks(ctx.db, ctx.user.id, extraction, ctx.clock(), source);
    // Entities that looked like links but are none (an address with spaces, say): the user hears why, not silence.
    if (saved.length === 0 && known.length === 0) return await hintNoLinks();
    const ids = [...saved, ...known].map((link) => link.id);
    await rememberLinkMessage(ctx.db, ctx.chat.id, message.message_id, ids);
    // One link makes itself the one touched last there; of several, the last one is.
    if (ids.length > 1) await touchLink(ctx.db, ids.at(-1)!);
    await offerSavedLinks(portOf(ctx, deps), {
      userId: ctx.user.id,
      chatId: ctx.chat.id,
      messageId: message.message_id,
      newIds: saved.map((link) => link.id),
      knownIds: known.map((link) => link.id),
      mediaGroupId: album ?? null,
    });
  });
  return feature;
}
