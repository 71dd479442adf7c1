import type { InlineKeyboardMarkup, Message, MessageEntity } from "@grammyjs/types";

const LINK_ENTITIES = new Set<MessageEntity["type"]>(["url", "text_link"]);

const anyLinkEntity = (entities: MessageEntity[] | undefined) => entities?.some((entity) => LINK_ENTITIES.has(entity.type)) ?? false;

const anyUrlButton = (markup: InlineKeyboardMarkup | undefined) => markup?.inline_keyboard.some((row) => row.some((button) => "url" in button)) ?? false;

/**
 * Whether a message carries a link in any place capture reads one from (text, caption, preview, a forwarded
 * post's URL buttons). Cheap and without parsing, so it can run on every update before anything else; which
 * links are really saved is `extractLinks`'s business.
 */
export function hasLinks(message: Message): boolean {
  return (
    anyLinkEntity(message.entities) ||
    anyLinkEntity(message.caption_entities) ||
    message.link_preview_options?.url !== undefined ||
    anyUrlButton(message.reply_markup)
  );
}
