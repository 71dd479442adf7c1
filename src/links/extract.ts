import type { Chat, InlineKeyboardMarkup, Message, MessageEntity, MessageOrigin } from "@grammyjs/types";
import { normalizeUrl } from "./normalize.js";

export interface ExtractedLink {
  /** The URL as found (scheme added when the entity text lacked one); not yet normalized. */
  url: string;
  /** Provisional title: the text of the line the link is on, minus the URL itself (and minus other URLs on that line), trimmed of whitespace and separator punctuation like " - ", "—", ":", "|" at the ends; null when nothing is left. For a text_link the title is the link's visible text (the entity's text) when it is not itself a URL, otherwise the rest of its line. */
  title: string | null;
}

export interface Extraction {
  links: ExtractedLink[]; // in order of appearance, de-duplicated by exact url string
  /** Where a forwarded message came from: channel/chat title (plus "@username" when present), the sender user's name, or the hidden user's sender_user_name; null when not forwarded. */
  source: string | null;
}

/** A url or text_link entity, with its position in UTF-16 code units (the unit of entity offsets and of JS strings). */
interface Anchor {
  url: string;
  start: number;
  end: number;
  shown: string;
  /** Whether the visible text is the address itself rather than a caption for it. */
  shownIsUrl: boolean;
}

const HTTP_URL = /^https?:\/\//i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// Leading closers and trailing openers are what is left of brackets around a removed URL: "Post (https://…)".
const LEADING_JUNK = /^[\s\-–—:|•·,;)\]}>»]+/u;
const TRAILING_JUNK = /[\s\-–—:|•·,;([{<«]+$/u;

/** Message-like input: any Message (text or caption). */
export function extractLinks(message: Message): Extraction {
  const found = [
    ...linksInText(message.text, message.entities),
    ...linksInText(message.caption, message.caption_entities),
    ...previewLink(message.link_preview_options?.url),
    ...buttonLinks(message.reply_markup),
  ];
  return { links: uniqueByUrl(found), source: sourceOf(message) };
}

function linksInText(text: string | undefined, entities: MessageEntity[] | undefined): ExtractedLink[] {
  if (text === undefined || entities === undefined) return [];
  // The Bot API does not promise entities sorted by offset.
  const all = entities.flatMap((entity) => toAnchor(text, entity) ?? []).sort((a, b) => a.start - b.start);
  const anchors = all.filter((anchor) => !isBreadcrumb(text, anchor, all));
  const urlAnchors = anchors.filter((anchor) => anchor.shownIsUrl);
  return anchors
    .filter((anchor) => HTTP_URL.test(anchor.url))
    .map((anchor) => ({
      url: anchor.url,
      title: anchor.shownIsUrl ? lineTitle(text, anchor, urlAnchors) : cleanTitle(anchor.shown),
    }));
}

function toAnchor(text: string, entity: MessageEntity): Anchor | null {
  const start = entity.offset;
  const end = entity.offset + entity.length;
  const shown = text.slice(start, end);
  if (entity.type === "url") {
    return { url: ANY_SCHEME.test(shown) ? shown : `https://${shown}`, start, end, shown, shownIsUrl: true };
  }
  if (entity.type === "text_link") {
    return { url: entity.url, start, end, shown, shownIsUrl: isUrlText(shown, entity.url) };
  }
  return null;
}

/**
 * "https://site.net/blog/post ejpcmac.net/blog - Title": a scheme-less address on the same line that is a
 * prefix of another link there is part of the title (the site's name), not a link of its own.
 */
function isBreadcrumb(text: string, anchor: Anchor, anchors: Anchor[]): boolean {
  if (!anchor.shownIsUrl || ANY_SCHEME.test(anchor.shown)) return false;
  const prefix = normalizeUrl(anchor.url)?.key.replace(/\/$/, "");
  if (prefix === undefined) return false;
  const sameLine = (other: Anchor) => !text.slice(Math.min(other.end, anchor.end), Math.max(other.start, anchor.start)).includes("\n");
  return anchors.some(
    (other) => other !== anchor && ANY_SCHEME.test(other.url) && sameLine(other) && (normalizeUrl(other.url)?.key.startsWith(`${prefix}/`) ?? false),
  );
}

/** Visible text counts as a URL when it has a scheme or names the target's own host, so "Node.js" linking to nodejs.org stays a title. */
function isUrlText(shown: string, target: string): boolean {
  const text = shown.trim();
  if (ANY_SCHEME.test(text)) return true;
  const shownUrl = normalizeUrl(text);
  const targetUrl = normalizeUrl(target);
  return shownUrl !== null && targetUrl !== null && new URL(shownUrl.key).host === new URL(targetUrl.key).host;
}

/** The anchor's line with every URL on it cut out; the pieces between URLs are cleaned separately so no separator is left dangling. */
function lineTitle(text: string, anchor: Anchor, urlAnchors: Anchor[]): string | null {
  const lineStart = text.lastIndexOf("\n", anchor.start - 1) + 1;
  const newline = text.indexOf("\n", anchor.end);
  const lineEnd = newline === -1 ? text.length : newline;
  const pieces: string[] = [];
  let cursor = lineStart;
  for (const url of urlAnchors) {
    if (url.end <= lineStart || url.start >= lineEnd) continue;
    pieces.push(text.slice(cursor, url.start));
    cursor = url.end;
  }
  pieces.push(text.slice(cursor, lineEnd));
  return cleanTitle(pieces.map((piece) => cleanTitle(piece) ?? "").filter((piece) => piece !== "").join(" "));
}

function cleanTitle(text: string): string | null {
  const trimmed = text.replace(LEADING_JUNK, "").replace(TRAILING_JUNK, "");
  return trimmed === "" ? null : trimmed;
}

function previewLink(url: string | undefined): ExtractedLink[] {
  return url !== undefined && HTTP_URL.test(url) ? [{ url, title: null }] : [];
}

/** Forwarded channel posts often carry their link only on a button; its label plays the role of a text_link's visible text. */
function buttonLinks(markup: InlineKeyboardMarkup | undefined): ExtractedLink[] {
  return (markup?.inline_keyboard ?? []).flat().flatMap((button) =>
    "url" in button && HTTP_URL.test(button.url)
      ? [{ url: button.url, title: isUrlText(button.text, button.url) ? null : cleanTitle(button.text) }]
      : [],
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
