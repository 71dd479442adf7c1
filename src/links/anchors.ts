import type { MessageEntity } from "@grammyjs/types";
import { normalizeUrl } from "./normalize.js";

/** A link-bearing entity, with its place in UTF-16 code units (the unit of entity offsets and of JS strings). */
export interface Anchor {
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
export interface Passage {
  text: string;
  anchors: Anchor[];
}

export const HTTP_URL = /^https?:\/\//i;
export const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Longer than any title: a longer one is null rather than cut. */
export const MAX_TITLE = 200;

export function readPassage(text: string | undefined, entities: MessageEntity[] | undefined): Passage | null {
  if (text === undefined) return null;
  // The Bot API does not promise entities sorted by offset.
  const all = (entities ?? []).flatMap((entity) => toAnchor(text, entity) ?? []).sort((a, b) => a.start - b.start);
  return { text, anchors: all.filter((anchor) => !isBreadcrumb(text, anchor, all)) };
}

export function toAnchor(text: string, entity: MessageEntity): Anchor | null {
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
export function isUrlText(shown: string, target: string): boolean {
  const text = shown.trim();
  if (ANY_SCHEME.test(text)) return true;
  const shownUrl = normalizeUrl(text);
  const targetUrl = normalizeUrl(target);
  return shownUrl !== null && targetUrl !== null && new URL(shownUrl.key).host === new URL(targetUrl.key).host;
}

export function withoutSpans(text: string, spans: Anchor[]): string {
  let rest = "";
  let cursor = 0;
  for (const span of spans) {
    rest += `${text.slice(cursor, span.start)} `;
    cursor = span.end;
  }
  return rest + text.slice(cursor);
}

export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
