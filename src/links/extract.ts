import type { Chat, InlineKeyboardMarkup, Message, MessageOrigin } from "@grammyjs/types";
import { HTTP_URL, isUrlText, readPassage, type Anchor, type Passage } from "./anchors.js";
import { commentOf } from "./comment.js";
import { cleanTitle, isEssay, wordsTitle } from "./titles.js";

export interface ExtractedLink {
  /** The URL as found (scheme added when the entity text lacked one); not yet normalized. */
  url: string;
  /**
   * Provisional title, until the page's own arrives; null when the message gives none. In order of preference:
   * - the link's own label: a text_link's visible text (unless it is itself a URL), the `title` of a literal
   *   markdown `[title](url)`, a URL button's label;
   * - the words of the link's line with the URL cut out, when the line holds no other link;
   * - for a bare URL alone on its line, the nearest non-blank line above it, unless that line holds a link
   *   (a forwarded post: headline, then URL).
   * Words are never taken in an essay: a message whose words (URLs cut out) exceed 280 characters and that has
   * 2+ links, or a line whose sentence exceeds 100 characters. Punctuation of any script is trimmed from both
   * ends, with brackets and quotes around the whole title ("[Rust book]", "“标题”"); book-title marks stay
   * ("《三体》"). A title over 200 characters is null rather than cut.
   */
  title: string | null;
}

export interface Extraction {
  links: ExtractedLink[]; // in order of appearance, de-duplicated by exact url string
  /** Where a forwarded message came from: channel/chat title (plus "@username" when present), the sender user's name, or the hidden user's sender_user_name; null when not forwarded. */
  source: string | null;
  /**
   * The message's own words (text, or caption, or both joined by a blank line; a forwarded post's likewise), to
   * keep verbatim as a note:
   * - null when there are no words beside the links' addresses and labels, only whitespace and separators;
   * - with exactly one link that appears as a bare URL in the text: the text with that URL cut out, the cut
   *   joined cleanly (separators and brackets left at the cut dropped, one space or the line breaks kept, ends
   *   trimmed);
   * - otherwise the whole text, verbatim.
   */
  comment: string | null;
}

/** Message-like input: any Message (text or caption). */
export function extractLinks(message: Message): Extraction {
  const passages = [readPassage(message.text, message.entities), readPassage(message.caption, message.caption_entities)].flatMap((passage) => passage ?? []);
  const essay = isEssay(passages);
  const links = uniqueByUrl([
    ...passages.flatMap((passage) => passageLinks(passage, essay)),
    ...previewLink(message.link_preview_options?.url),
    ...buttonLinks(message.reply_markup),
  ]);
  return { links, source: sourceOf(message), comment: commentOf(passages, links) };
}

function passageLinks({ text, anchors }: Passage, essay: boolean): ExtractedLink[] {
  const titleOf = (anchor: Anchor) => (anchor.label !== null ? cleanTitle(anchor.label) : essay ? null : wordsTitle(text, anchor, anchors));
  return anchors.filter((anchor) => HTTP_URL.test(anchor.url)).map((anchor) => ({ url: anchor.url, title: titleOf(anchor) }));
}

// ---- Previews, buttons, source ------------------------------------------------------------------------------

function previewLink(url: string | undefined): ExtractedLink[] {
  return url !== undefined && HTTP_URL.test(url) ? [{ url, title: null }] : [];
}

/** Forwarded channel posts often carry their link only on a button; its label plays the role of a text_link's visible text. */
function buttonLinks(markup: InlineKeyboardMarkup | undefined): ExtractedLink[] {
  return (markup?.inline_keyboard ?? [])
    .flat()
    .flatMap((button) =>
      "url" in button && HTTP_URL.test(button.url) ? [{ url: button.url, title: isUrlText(button.text, button.url) ? null : cleanTitle(button.text) }] : [],
    );
}

function uniqueByUrl(links: ExtractedLink[]): ExtractedLink[] {
  const byUrl = new Map<string, ExtractedLink>();
  for (const link of links) if (!byUrl.has(link.url)) byUrl.set(link.url, link);
  return [...byUrl.values()];
}

function sourceOf(message: Message): string | null {
  if (message.forward_origin !== undefined) return originName(message.forward_origin);
  // A post read straight from a channel is not forwarded, yet the channel is still where it came from.
  return message.sender_chat?.type === "channel" ? chatName(message.sender_chat) : null;
}

function originName(origin: MessageOrigin): string {
  switch (origin.type) {
    case "user":
      return [origin.sender_user.first_name, origin.sender_user.last_name].filter(Boolean).join(" ");
    case "hidden_user":
      return origin.sender_user_name;
    case "chat":
      return chatName(origin.sender_chat);
    case "channel":
      return chatName(origin.chat);
  }
}

function chatName(chat: Chat): string {
  const name = chat.title ?? chat.first_name ?? "";
  return chat.username === undefined ? name : `${name} (@${chat.username})`;
}
