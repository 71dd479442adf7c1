import type { MessageEntity } from "@grammyjs/types";

/**
 * Telegram's HTML parse mode, close to tdlib's parser, so that a bot that forgets
 * to escape user text fails in tests the way it would fail in production.
 * Reasons are what Telegram puts after "Bad Request: can't parse entities: ".
 */
export type HtmlParseResult = { ok: true; text: string; entities: MessageEntity[] } | { ok: false; reason: string };

const SUPPORTED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const ENTITY = /&(?:(lt|gt|amp|quot)|#(\d{1,8})|#x([0-9a-f]{1,6}));/iy;

interface OpenTag {
  name: string;
  attributes: Map<string, string>;
  /** Where the entity starts in the visible text, in UTF-16 code units. */
  offset: number;
}

class HtmlError extends Error {}

export function parseTelegramHtml(html: string): HtmlParseResult {
  try {
    return { ok: true, ...parse(html) };
  } catch (error) {
    if (error instanceof HtmlError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Length of the visible text in UTF-16 code units, the unit of Telegram's limits. */
export function htmlTextLength(html: string): number | { reason: string } {
  const parsed = parseTelegramHtml(html);
  return parsed.ok ? parsed.text.length : { reason: parsed.reason };
}

function parse(html: string): { text: string; entities: MessageEntity[] } {
  // Telegram reports positions as UTF-8 byte offsets, while JS indexes UTF-16 units.
  const byteOffset = (index: number) => Buffer.byteLength(html.slice(0, index), "utf8");
  const fail = (reason: string): never => {
    throw new HtmlError(reason);
  };
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;

  const decodeEntityAt = (at: number): { char: string; end: number } => {
    ENTITY.lastIndex = at;
    const match = ENTITY.exec(html);
    const [whole, named, decimal, hex] = match ?? [];
    if (whole !== undefined) {
      if (named !== undefined) return { char: NAMED_ENTITIES[named.toLowerCase()]!, end: at + whole.length };
      const codePoint = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
      const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
      if (valid) return { char: String.fromCodePoint(codePoint), end: at + whole.length };
    }
    return fail(`Unescaped "&" at byte offset ${byteOffset(at)}; use &amp; for a literal ampersand`);
  };

  const readStartTag = (begin: number) => {
    let nameEnd = i;
    while (nameEnd < html.length && !isSpace(html[nameEnd]) && html[nameEnd] !== ">") nameEnd++;
    if (nameEnd >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
    const name = html.slice(i, nameEnd).toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);
    i = nameEnd;

    const attributes = new Map<string, string>();
    for (;;) {
      while (isSpace(html[i])) i++;
      if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      if (html[i] === ">") break;
      const attrStart = i;
      while (i < html.length && !isSpace(html[i]) && html[i] !== "=" && html[i] !== ">") i++;
      const attrName = html.slice(attrStart, i).toLowerCase();
      if (attrName === "") fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}`);
      while (isSpace(html[i])) i++;
      if (html[i] !== "=") {
        // The only attribute Telegram accepts without a value.
        if (name === "blockquote" && attrName === "expandable") {
          attributes.set(attrName, "");
          continue;
        }
        fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(begin)}`);
      }
      i++;
      while (isSpace(html[i])) i++;
      if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      attributes.set(attrName, readAttributeValue(begin));
    }
    i++; // past ">"
    checkAttributes(name, attributes, byteOffset(begin));
    open.push({ name, attributes, offset: text.length });
  };

  const readAttributeValue = (begin: number): string => {
    const quote = html[i];
    if (quote !== '"' && quote !== "'") {
      // HTML "name token": letters, digits, periods and hyphens.
      const start = i;
      while (i < html.length && /[A-Za-z0-9.-]/.test(html[i]!)) i++;
      if (i === start) fail(`Unexpected end of name token at byte offset ${byteOffset(i)}`);
      return html.slice(start, i);
    }
    i++;
    let value = "";
    while (i < html.length && html[i] !== quote) {
      if (html[i] === "&") {
        const decoded = decodeEntityAt(i);
        value += decoded.char;
        i = decoded.end;
      } else {
        value += html[i++];
      }
    }
    if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
    i++; // past the closing quote
    return value;
  };

  const readEndTag = (begin: number) => {
    const top = open.at(-1);
    if (!top) return fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
    const close = html.indexOf(">", i);
    if (close < 0) return fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
    const name = html
      .slice(i + 1, close)
      .trim()
      .toLowerCase();
    if (name !== top.name) {
      fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${top.name}>", found "</${name}>"`);
    }
    i = close + 1;
    open.pop();
    const entity = toEntity(top, text.length - top.offset);
    if (entity) entities.push(entity);
  };

  while (i < html.length) {
    const c = html[i]!;
    if (c === "&") {
      const decoded = decodeEntityAt(i);
      text += decoded.char;
      i = decoded.end;
    } else if (c !== "<") {
      text += c;
      i++;
    } else {
      const begin = i++;
      if (html[i] === "/") readEndTag(begin);
      else readStartTag(begin);
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);

  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function checkAttributes(name: string, attributes: Map<string, string>, at: number): void {
  if (name === "span" && attributes.get("class") !== "tg-spoiler") {
    throw new HtmlError(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
  }
  if (name === "a" && !attributes.get("href")) {
    throw new HtmlError(`Tag "a" must have attribute "href" at byte offset ${at}`);
  }
  if (name === "tg-emoji" && !attributes.get("emoji-id")) {
    throw new HtmlError(`Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${at}`);
  }
}

function toEntity(tag: OpenTag, length: number): MessageEntity | undefined {
  // Telegram drops formatting that covers no text.
  if (length === 0) return undefined;
  const { offset } = tag;
  switch (tag.name) {
    case "b":
    case "strong":
      return { type: "bold", offset, length };
    case "i":
    case "em":
      return { type: "italic", offset, length };
    case "u":
    case "ins":
      return { type: "underline", offset, length };
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough", offset, length };
    case "span":
    case "tg-spoiler":
      return { type: "spoiler", offset, length };
    case "a":
      return { type: "text_link", offset, length, url: tag.attributes.get("href")! };
    case "code":
      return { type: "code", offset, length };
    case "pre":
      return { type: "pre", offset, length };
    case "blockquote":
      return { type: tag.attributes.has("expandable") ? "expandable_blockquote" : "blockquote", offset, length };
    case "tg-emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: tag.attributes.get("emoji-id")! };
    default:
      return undefined;
  }
}
