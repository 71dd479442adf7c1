import type { Chat, InlineKeyboardMarkup, Message, MessageEntity, MessageOrigin } from "@grammyjs/types";
import { normalizeUrl } from "./normalize.js";

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

/** A link-bearing entity, with its place in UTF-16 code units (the unit of entity offsets and of JS strings). */
interface Anchor {
  url: string;
  /** The span the link takes in the text: the address, or a markdown link's whole `[title](url)`. */
  start: number;
  end: number;
  /** The entity's text, after cutting what Telegram's parser took in by mistake. */
  shown: string;
  /** Whether the visible text is the address itself rather than a caption for it. */
  shownIsUrl: boolean;
  /** The title the link's markup gives it: a text_link's visible text, a markdown link's bracketed text. */
  label: string | null;
}

/** A text or caption, with its link anchors in order. */
interface Passage {
  text: string;
  anchors: Anchor[];
}

const HTTP_URL = /^https?:\/\//i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAX_TITLE = 200;
const MAX_SENTENCE = 100;
const ESSAY_WORDS = 280;

/** Message-like input: any Message (text or caption). */
export function extractLinks(message: Message): Extraction {
  const passages = [readPassage(message.text, message.entities), readPassage(message.caption, message.caption_entities)].flatMap(
    (passage) => passage ?? [],
  );
  const essay = isEssay(passages);
  const links = uniqueByUrl([
    ...passages.flatMap((passage) => passageLinks(passage, essay)),
    ...previewLink(message.link_preview_options?.url),
    ...buttonLinks(message.reply_markup),
  ]);
  return { links, source: sourceOf(message), comment: commentOf(passages, links) };
}

function readPassage(text: string | undefined, entities: MessageEntity[] | undefined): Passage | null {
  if (text === undefined) return null;
  // The Bot API does not promise entities sorted by offset.
  const all = (entities ?? []).flatMap((entity) => toAnchor(text, entity) ?? []).sort((a, b) => a.start - b.start);
  return { text, anchors: all.filter((anchor) => !isBreadcrumb(text, anchor, all)) };
}

function passageLinks({ text, anchors }: Passage, essay: boolean): ExtractedLink[] {
  const titleOf = (anchor: Anchor) => (anchor.label !== null ? cleanTitle(anchor.label) : essay ? null : wordsTitle(text, anchor, anchors));
  return anchors.filter((anchor) => HTTP_URL.test(anchor.url)).map((anchor) => ({ url: anchor.url, title: titleOf(anchor) }));
}

function toAnchor(text: string, entity: MessageEntity): Anchor | null {
  const start = entity.offset;
  const end = entity.offset + entity.length;
  if (entity.type === "url") return withMarkdown(text, urlAnchor(text, start, end));
  if (entity.type !== "text_link") return null;
  const shown = text.slice(start, end);
  const shownIsUrl = isUrlText(shown, entity.url);
  return { url: entity.url, start, end, shown, shownIsUrl, label: shownIsUrl ? null : shown };
}

// ---- Where Telegram's url entity overreaches ----------------------------------------------------------------

/*
 * Telegram's parser takes any character outside spaces and the General Punctuation block for part of an address,
 * so CJK and full-width punctuation ("，。：」") and CJK letters glued before a host ("官网example.org") arrive
 * inside the entity. It already trims trailing ASCII ".:;,('?!`" and unbalanced ")]}", so those need no rule here.
 */
// Within the CJK Symbols and the Halfwidth/Fullwidth blocks only letters and digits ("々", "ｱ") belong to words.
const OVERREACH = /(?![\p{L}\p{N}])[\u3000-\u303f\uff00-\uffef]|[‘’“”…‥]/u;
// Telegram's own rule for an address's last characters, applied again at the new end.
const BAD_URL_END = /[.:;,('?!`]+$/;
const CJK_CHARS = "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\u3000-\\u303f\\uff00-\\uffef";
// The last CJK character of the first label, when ASCII follows it up to the dot; an all-CJK label ("例子.中国") is a real host.
const GLUED_PREFIX = new RegExp(`^[^.]*[${CJK_CHARS}](?=[a-z0-9-]+\\.)`, "iu");
// Scheme-less names on these "TLDs" are file names in a sentence ("README.md", "setup.py", "release.zip"), not sites.
const FILE_EXTENSIONS = new Set(["md", "py", "rs", "js", "ts", "go", "sh", "json", "yml", "yaml", "txt", "toml", "lock", "css", "html", "zip", "mov"]);
// Real sites on those TLDs that people do write bare.
const SITES_ON_FILE_TLDS = new Set(["docs.rs", "lib.rs", "rustup.rs", "brew.sh", "bun.sh"]);

function urlAnchor(text: string, entityStart: number, entityEnd: number): Anchor | null {
  let shown = text.slice(entityStart, entityEnd);
  const hasScheme = ANY_SCHEME.test(shown);
  const glued = hasScheme ? 0 : (GLUED_PREFIX.exec(shown)?.[0].length ?? 0);
  shown = cutOverreach(shown.slice(glued));
  if (shown === "" || (!hasScheme && isFileName(shown))) return null;
  const start = entityStart + glued;
  return { url: hasScheme ? shown : `https://${shown}`, start, end: start + shown.length, shown, shownIsUrl: true, label: null };
}

function cutOverreach(shown: string): string {
  const at = shown.search(OVERREACH);
  return at === -1 ? shown : shown.slice(0, at).replace(BAD_URL_END, "");
}

/** A bare host with a file extension for TLD; a path ("foo.sh/install") makes it an address again. */
function isFileName(shown: string): boolean {
  if (/[/?#]/.test(shown)) return false;
  const host = shown.replace(/:\d+$/, "").toLowerCase();
  return FILE_EXTENSIONS.has(host.slice(host.lastIndexOf(".") + 1)) && !SITES_ON_FILE_TLDS.has(host.replace(/^www\./, ""));
}

// Telegram marks only the address of a markdown link typed as plain text: "[Rust book](https://…)".
const MARKDOWN_OPENING = /\[([^[\]\n]+)\]\($/;

function withMarkdown(text: string, anchor: Anchor | null): Anchor | null {
  if (anchor === null || text[anchor.end] !== ")") return anchor;
  const opening = MARKDOWN_OPENING.exec(text.slice(Math.max(0, anchor.start - MAX_TITLE * 2), anchor.start));
  if (opening === null) return anchor;
  return { ...anchor, start: anchor.start - opening[0].length, end: anchor.end + 1, label: opening[1] ?? null };
}

/**
 * "https://site.net/blog/post ejpcmac.net/blog - Title": a scheme-less address on the same line that is a
 * prefix of another link there is part of the title (the site's name), not a link of its own.
 */
function isBreadcrumb(text: string, anchor: Anchor, anchors: Anchor[]): boolean {
  if (!anchor.shownIsUrl || ANY_SCHEME.test(anchor.shown)) return false;
  const prefix = normalizeUrl(anchor.url)?.key.replace(/\/$/, "");
  if (prefix === undefined) return false;
  return anchors.some(
    (other) =>
      other !== anchor && ANY_SCHEME.test(other.url) && sameLine(text, other, anchor) && (normalizeUrl(other.url)?.key.startsWith(`${prefix}/`) ?? false),
  );
}

function sameLine(text: string, a: Anchor, b: Anchor): boolean {
  return !text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)).includes("\n");
}

/** Visible text counts as a URL when it has a scheme or names the target's own host, so "Node.js" linking to nodejs.org stays a title. */
function isUrlText(shown: string, target: string): boolean {
  const text = shown.trim();
  if (ANY_SCHEME.test(text)) return true;
  const shownUrl = normalizeUrl(text);
  const targetUrl = normalizeUrl(target);
  return shownUrl !== null && targetUrl !== null && new URL(shownUrl.key).host === new URL(targetUrl.key).host;
}

// ---- Provisional titles from the message's words ------------------------------------------------------------

/** Long prose with several links is a note about them, not their names; the page titles will come. */
function isEssay(passages: Passage[]): boolean {
  const urls = new Set(passages.flatMap(({ anchors }) => anchors.filter((anchor) => HTTP_URL.test(anchor.url)).map((anchor) => anchor.url)));
  const words = passages.map(({ text, anchors }) => withoutSpans(text, anchors)).join(" ");
  return urls.size >= 2 && codePoints(words.replace(/\s+/g, " ").trim()) > ESSAY_WORDS;
}

/** The words of the link's line, or of the line above a URL alone on its line; none when the line holds other links. */
function wordsTitle(text: string, anchor: Anchor, anchors: Anchor[]): string | null {
  const line = lineAt(text, anchor.start);
  const onLine = anchors.filter((other) => other.end > line.start && other.start < line.end);
  if (onLine.length > 1) return null;
  const title = joinPieces([text.slice(line.start, anchor.start), text.slice(anchor.end, line.end)]);
  if (title !== null) return hasLongSentence(title) ? null : title;
  const above = lineAbove(text, line.start);
  if (above === null || anchors.some((other) => other.end > above.start && other.start < above.end)) return null;
  const headline = cleanTitle(text.slice(above.start, above.end));
  return headline === null || hasLongSentence(headline) ? null : headline;
}

interface Line {
  start: number;
  end: number;
}

function lineAt(text: string, at: number): Line {
  const newline = text.indexOf("\n", at);
  return { start: text.lastIndexOf("\n", at - 1) + 1, end: newline === -1 ? text.length : newline };
}

/** The nearest line above that is not blank. */
function lineAbove(text: string, lineStart: number): Line | null {
  for (let end = lineStart - 1; end >= 0; ) {
    const start = end === 0 ? 0 : text.lastIndexOf("\n", end - 1) + 1;
    if (text.slice(start, end).trim() !== "") return { start, end };
    end = start - 1;
  }
  return null;
}

/** Each side of a cut-out URL is cleaned on its own, so no separator is left dangling between them. */
function joinPieces(pieces: string[]): string | null {
  return cleanTitle(pieces.map((piece) => cleanTitle(piece) ?? "").filter((piece) => piece !== "").join(" "));
}

function hasLongSentence(text: string): boolean {
  return text.split(/(?<=[.!?…])\s+|(?<=[。！？])/u).some((sentence) => codePoints(sentence.trim()) > MAX_SENTENCE);
}

// ---- Trimming a title ---------------------------------------------------------------------------------------

// Left over from the sentence a title was cut from, in any script. Some marks belong to a title ("C#", "100%"),
// a question mark too at its end ("Why Rust?"); brackets and quotes are weighed in pairs below.
const edgeChar = (kept: string) => `(?:(?![${kept}#＃%％&＆*＊@＠/／\\\\'"＂＇§¶†‡])[\\s\\p{Z}\\p{Pd}\\p{Po}|¦~～→⇒>])`;
const LEADING_EDGE = new RegExp(`^${edgeChar("")}+`, "u");
const TRAILING_EDGE = new RegExp(`${edgeChar("?？")}+$`, "u");
const PAIRS = new Map([
  ["(", ")"], ["[", "]"], ["{", "}"], ["（", "）"], ["［", "］"], ["【", "】"], ["「", "」"], ["『", "』"], ["〔", "〕"],
  ["〖", "〗"], ["“", "”"], ["‘", "’"], ["«", "»"], ["‹", "›"], ["《", "》"], ["〈", "〉"], ['"', '"'], ["＂", "＂"],
]);
const CLOSERS = new Map([...PAIRS].map(([open, close]) => [close, open]));
// Book-title marks say the words name a work ("《三体》"), so they stay even around a whole title.
const KEPT_PAIRS = new Set(["《", "〈"]);

function cleanTitle(text: string): string | null {
  let title = text;
  for (let before = ""; before !== title; ) {
    before = title;
    title = trimBrackets(title.replace(LEADING_EDGE, "").replace(TRAILING_EDGE, ""));
  }
  return title === "" || codePoints(title) > MAX_TITLE ? null : title;
}

/** Drops one unmatched bracket or quote at either end, or one pair around the whole title. */
function trimBrackets(title: string): string {
  const first = title[0] ?? "";
  const lastAt = title.length - 1;
  const last = title[lastAt] ?? "";
  if (PAIRS.has(first)) {
    const match = partnerAfter(title, 0);
    if (match === -1) return title.slice(1);
    if (match === lastAt && !KEPT_PAIRS.has(first)) return title.slice(1, -1);
  } else if (CLOSERS.has(first)) {
    return title.slice(1);
  }
  if (CLOSERS.has(last) && partnerBefore(title, lastAt) === -1) return title.slice(0, -1);
  if (PAIRS.has(last) && !CLOSERS.has(last)) return title.slice(0, -1);
  return title;
}

function partnerAfter(text: string, at: number): number {
  const open = text[at] ?? "";
  const close = PAIRS.get(open);
  if (close === open) return text.indexOf(close, at + 1);
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i;
  }
  return -1;
}

function partnerBefore(text: string, at: number): number {
  const close = text[at] ?? "";
  const open = CLOSERS.get(close);
  if (close === open) return text.lastIndexOf(close, at - 1);
  let depth = 0;
  for (let i = at; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && --depth === 0) return i;
  }
  return -1;
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// ---- The user's words ---------------------------------------------------------------------------------------

// What a removed address leaves dangling at the cut: the separator before it ("Title: "), the brackets that held it.
const CUT_LEFT = /[\s\-–—:：|｜•·(（[［【「《<]+$/u;
const CUT_RIGHT = /^[\s\-–—:：|｜•·)）\]］】」》>]+/u;
const NOTE_START = /^[\s\-–—:：|｜•·,，、;；.。]+/u;
const NOTE_END = /[\s\-–—:：|｜•·,，、;；]+$/u;
// Letters, digits, emoji and currency; math symbols ("|", "→") are separators here.
const WORDS = /[\p{L}\p{N}\p{So}\p{Sc}]/u;

function commentOf(passages: Passage[], links: ExtractedLink[]): string | null {
  if (!passages.some(({ text, anchors }) => WORDS.test(withoutSpans(text, anchors)))) return null;
  const only = links.length === 1 ? links[0]?.url : undefined;
  const bare = (anchor: Anchor) => anchor.url === only && anchor.shownIsUrl && anchor.label === null;
  const texts = passages.some(({ anchors }) => anchors.some(bare))
    ? passages.map(({ text, anchors }) => cutOut(text, anchors.filter(bare)))
    : passages.map(({ text }) => text.trim());
  return texts.filter((text) => text !== "").join("\n\n") || null;
}

function withoutSpans(text: string, spans: Anchor[]): string {
  let rest = "";
  let cursor = 0;
  for (const span of spans) {
    rest += `${text.slice(cursor, span.start)} `;
    cursor = span.end;
  }
  return rest + text.slice(cursor);
}

function cutOut(text: string, spans: Anchor[]): string {
  const pieces = [0, ...spans.map((span) => span.end)].map((from, i) => text.slice(from, spans[i]?.start ?? text.length));
  return pieces.reduce(joinAtCut).replace(NOTE_START, "").replace(NOTE_END, "");
}

/** Joins the text before a cut to the text after it, keeping the line breaks or the one space the cut stood between. */
function joinAtCut(left: string, right: string): string {
  const before = left.replace(CUT_LEFT, "");
  const after = right.replace(CUT_RIGHT, "");
  if (before === "" || after === "") return before + after;
  const gap = left.slice(before.length) + right.slice(0, right.length - after.length);
  const breaks = gap.split("\n").length - 1;
  const glue = breaks >= 2 ? "\n\n" : breaks === 1 ? "\n" : /\s/.test(gap) ? " " : "";
  return before + glue + after;
}

// ---- Previews, buttons, source ------------------------------------------------------------------------------

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
