import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { captureLinks } from "../../capture/capture-links.js";
import { extractLinks } from "../../links/extract.js";
import { isCommand } from "../../bot/commands.js";
import { rememberLinkMessage } from "../../store/links.js";
import { TAGGING_CONVERSATION, type TagRequest } from "../tagging/index.js";
import type { AlbumHints } from "./album-hints.js";
import { knownLinksReply } from "./known-links.js";

/** Saves the links of any message (text, caption, forward) and hands new ones to the tag question. */
export function captureFeature(albums: AlbumHints) {
  const feature = new Composer<BotContext>();

  feature.on("message", async (ctx, next) => {
    const message = ctx.message;
    if (isCommand(message)) return await next();
    const extraction = extractLinks(message);
    const album = message.media_group_id;
    const hintNoLinks = () => ctx.reply(ctx.t("no-links"), { reply_parameters: { message_id: message.message_id } });
    if (extraction.links.length === 0) {
      if (album) return albums.sawNoLinks(album, () => ctx.api.sendMessage(ctx.chat.id, ctx.t("no-links")));
      return await hintNoLinks();
    }
    if (album) albums.sawLinks(album);
    const { saved, known } = await captureLinks(ctx.db, ctx.user.id, extraction, ctx.clock());
    await rememberLinkMessage(ctx.db, ctx.chat.id, message.message_id, [...saved, ...known].map((link) => link.id));
    if (known.length > 0) {
      const reply = knownLinksReply(ctx.t, known, ctx.user.time_zone);
      const sent = await ctx.reply(reply.text, { parse_mode: "HTML", reply_markup: reply.keyboard, link_preview_options: { is_disabled: true } });
      await rememberLinkMessage(ctx.db, ctx.chat.id, sent.message_id, known.map((link) => link.id));
    }
    // Entities that looked like links but are none (an address with spaces, say): the user hears why, not silence.
    if (saved.length === 0 && known.length === 0) return await hintNoLinks();
    if (saved.length === 0) return;
    const request: TagRequest = { linkIds: saved.map((link) => link.id), ...(album ? { mediaGroupId: album } : {}) };
    await ctx.conversation.enter(TAGGING_CONVERSATION, request);
  });
  return feature;
}
