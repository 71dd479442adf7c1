import type { MessageEntity } from "@grammyjs/types";
import { escapeHtml } from "../views/html.js";

/** The HTML tags that give an entity back, or null for entities Telegram finds in plain text by itself (URLs, /commands…). */
function tagsOf(entity: MessageEntity): [open: string, close: string] | null {
  switch (entity.type) {
    case "bold":
      return ["<b>", "</b>"];
    case "italic":
      return ["<i>", "</i>"];
    case "underline":
      return ["<u>", "</u>"];
    case "strikethrough":
      return ["<s>", "</s>"];
    case "spoiler":
      return ["<tg-spoiler>", "</tg-spoiler>"];
    case "code":
      return ["<code>", "</code>"];
    case "pre":
      return entity.language ? [`<pre><code class="language-${escapeHtml(entity.language)}">`, "</code></pre>"] : ["<pre>", "</pre>"];
    case "text_link":
      return [`<a href="${escapeHtml(entity.url)}">`, "</a>"];
    case "text_mention":
      return [`<a href="tg://user?id=${entity.user.id}">`, "</a>"];
    case "custom_emoji":
      return [`<tg-emoji emoji-id="${escapeHtml(entity.custom_emoji_id)}">`, "</tg-emoji>"];
    case "blockquote":
      return ["<blockquote>", "</blockquote>"];
    case "expandable_blockquote":
      return ["<blockquote expandable>", "</blockquote>"];
    default:
      return null;
  }
}

/**
 * A message's text with its entities as Telegram's HTML, so the bot can send back a changed copy of a message it
 * only has as Telegram returns it (a button's message in a callback query). Offsets are UTF-16 code units, as
 * Telegram counts them and JavaScript indexes strings. Entities nest as the HTML they came from did; one that
 * reaches past the entity it starts inside is cut at that entity's end, since HTML tags cannot overlap.
 */
export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  // A `pre` with a language is written <pre><code class>: a `code` entity over the same text is part of it.
  const inPre = new Set(entities.flatMap((entity) => (entity.type === "pre" && entity.language ? [`${entity.offset}:${entity.length}`] : [])));
  const marked = entities
    .flatMap((entity) => {
      const tags = entity.length > 0 ? tagsOf(entity) : null;
      if (!tags || (entity.type === "code" && inPre.has(`${entity.offset}:${entity.length}`))) return [];
      return [{ start: entity.offset, end: entity.offset + entity.length, tags }];
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const open: { end: number; close: string }[] = [];
  let html = "";
  let at = 0;
  const textTo = (to: number) => {
    html += escapeHtml(text.slice(at, to));
    at = to;
  };
  const closeUpTo = (position: number) => {
    while (open.length > 0 && open.at(-1)!.end <= position) {
      const last = open.pop()!;
      textTo(last.end);
      html += last.close;
    }
  };
  for (const { start, end, tags } of marked) {
    closeUpTo(start);
    textTo(start);
    html += tags[0];
    open.push({ end: Math.min(end, open.at(-1)?.end ?? Infinity), close: tags[1] });
  }
  closeUpTo(Infinity);
  textTo(text.length);
  return html;
}
