import { decodeHTML, decodeHTMLAttribute } from "entities";

/**
 * Tokens of an HTML file, read in one forward pass: no tree is built and nothing recurses, so a file of a
 * million nested tags costs what a flat one does. Bookmark exports have no scripts or styles, so no element's
 * content is treated as raw text.
 */
export type HtmlToken =
  | { kind: "open"; name: string; attributes: ReadonlyMap<string, string>; line: number }
  | { kind: "close"; name: string; line: number }
  | { kind: "text"; raw: string; line: number };

const TAG_NAME = /[a-z][a-z0-9]*/iy;
const SEPARATOR = /[\s/]*/y;
// One name and its optional value; the character classes never overlap, so a match cannot backtrack far.
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+)))?/y;

/**
 * HTML reads CR LF and a lone CR as a line feed; done before decoding so a written `&#13;` survives.
 * Most values have neither, and skipping the work for them counts in a file of millions of tags.
 */
function decoded(raw: string, decode: (text: string) => string): string {
  if (!raw.includes("&") && !raw.includes("\r")) return raw;
  return decode(raw.replace(/\r\n?/gu, "\n"));
}

/** Text as written between tags: entities decoded, the file's indentation around it dropped. */
export function htmlText(rawParts: readonly string[]): string {
  return decoded(rawParts.join("").trim(), decodeHTML);
}

/** A line number for each offset asked, the offsets rising; the next line feed is remembered, so each is looked for once. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let nextFeed = text.indexOf("\n");
  return (offset) => {
    for (; nextFeed !== -1 && nextFeed < offset; nextFeed = text.indexOf("\n", nextFeed + 1)) line++;
    return line;
  };
}

interface Tag {
  name: string;
  closing: boolean;
  attributes: ReadonlyMap<string, string>;
  end: number;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** The attributes of a tag from just after its name, and the offset after it; an unclosed tag ends where the next one begins. */
function readAttributes(html: string, from: number): { attributes: ReadonlyMap<string, string>; end: number } {
  let attributes = NO_ATTRIBUTES;
  let at = from;
  while (at < html.length) {
    SEPARATOR.lastIndex = at;
    SEPARATOR.exec(html);
    at = SEPARATOR.lastIndex;
    const char = html[at];
    if (char === ">") return { attributes, end: at + 1 };
    if (char === "<" || char === undefined) break;
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(html);
    if (!match) {
      at++;
      continue;
    }
    if (attributes === NO_ATTRIBUTES) attributes = new Map();
    const key = match[1]!.toLowerCase();
    // The first of two equal names wins, as in browsers.
    if (!attributes.has(key)) (attributes as Map<string, string>).set(key, decoded(match[2] ?? match[3] ?? match[4] ?? "", decodeHTMLAttribute));
    at = ATTRIBUTE.lastIndex;
  }
  return { attributes, end: at };
}

/** The offset after a comment, doctype or processing instruction starting at `at`. */
function skipDeclaration(html: string, at: number): number {
  const [closer, length] = html.startsWith("<!--", at) ? ["-->", 4] : [">", 2];
  const end = html.indexOf(closer, at + length);
  return end === -1 ? html.length : end + closer.length;
}

function readTag(html: string, at: number): Tag | null {
  const closing = html[at + 1] === "/";
  TAG_NAME.lastIndex = at + (closing ? 2 : 1);
  const name = TAG_NAME.exec(html);
  if (!name) return null;
  const { attributes, end } = readAttributes(html, TAG_NAME.lastIndex);
  return { name: name[0].toLowerCase(), closing, attributes, end };
}

export function* htmlTokens(html: string): Generator<HtmlToken> {
  const lineAt = lineCounter(html);
  let at = 0;
  // A "<" that starts no tag is text, and stays in the text around it: a run of them is one token, not one each.
  let textStart = 0;
  while (at < html.length) {
    const lt = html.indexOf("<", at);
    const textEnd = lt === -1 ? html.length : lt;
    const declaration = lt !== -1 && (html[lt + 1] === "!" || html[lt + 1] === "?");
    const tag = lt === -1 || declaration ? null : readTag(html, lt);
    if (lt !== -1 && !declaration && !tag) {
      at = lt + 1;
      continue;
    }
    if (textEnd > textStart) yield { kind: "text", raw: html.slice(textStart, textEnd), line: lineAt(textStart) };
    if (lt === -1) return;
    at = declaration ? skipDeclaration(html, lt) : tag!.end;
    textStart = at;
    if (tag) {
      const line = lineAt(lt);
      yield tag.closing ? { kind: "close", name: tag.name, line } : { kind: "open", name: tag.name, attributes: tag.attributes, line };
    }
  }
  if (html.length > textStart) yield { kind: "text", raw: html.slice(textStart), line: lineAt(textStart) };
}

/** Escapes text for an element or a double-quoted attribute; a CR is written as a reference, or a reader would turn it into a line feed. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;").replace(/\r/gu, "&#13;");
}

const characterReferences = (space: string) => [...space].map((char) => `&#${char.codePointAt(0)};`).join("");

/**
 * Like `escapeHtmlText`, and whitespace at either end written as references, so a reader that trims the
 * file's indentation keeps it. Found with trimStart and trimEnd, not /\s+$/, which backtracks on long runs.
 */
export function escapeHtmlContent(text: string): string {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start === text.length) return characterReferences(text);
  return characterReferences(text.slice(0, start)) + escapeHtmlText(text.slice(start, end)) + characterReferences(text.slice(end));
}
