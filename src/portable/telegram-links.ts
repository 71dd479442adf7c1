import type { PortableLink } from "./model.js";

/**
 * The links of one message of a Telegram Desktop export, whichever of its two forms it was read from
 * (telegram-json.ts, telegram-html.ts). Both are specified by Telegram Desktop's own writers, read in the public
 * telegramdesktop/tdesktop repository: Telegram/SourceFiles/export/output/export_output_json.cpp and
 * export_output_html.cpp (and export/data/export_data_types.cpp for the date format).
 */
export const TELEGRAM_FORMAT = "Telegram export";

/**
 * A piece of a message's text: words (scanned for addresses written out), a link Telegram recognised in the
 * words (`link`), words over a hidden address (`text_link`), or something that is never a link to save
 * (a mention, hashtag, e-mail address, phone number, code).
 */
export type TextPart =
  { kind: "plain"; text: string } | { kind: "link"; text: string } | { kind: "text_link"; text: string; href: string } | { kind: "other"; text: string };

export interface TelegramMessage {
  parts: TextPart[];
  /** Epoch ms; null when the export does not say. */
  date: number | null;
  /** Who a forwarded post came from, as the export names them. */
  forwardedFrom: string | null;
}

/** An address written out in words; what Telegram itself would have made a `link`, when the export has it as text. */
const WRITTEN_URL = /\bhttps?:\/\/[^\s<>"'«»“”‘’]+/giu;
// Punctuation that ends a sentence rather than the address: "see https://example.org/x." keeps no dot.
const TRAILING = new Set([...".,;:!?)]}'\""]);

function writtenUrls(text: string): string[] {
  if (!text.includes("://")) return [];
  return [...text.matchAll(WRITTEN_URL)].map((match) => trimTrailing(match[0]));
}

/** Trailing punctuation off, but a closing bracket kept when the address opened one (Wikipedia's "Foo_(bar)"). */
function trimTrailing(url: string): string {
  // Walked back from the end, not /[…]+$/, which tries again from every character of a long run.
  let end = url.length;
  while (end > 0 && TRAILING.has(url[end - 1]!)) end--;
  let kept = url.slice(0, end);
  const tail = url.slice(end);
  if (tail.startsWith(")") && kept.split("(").length > kept.split(")").length) kept += ")";
  return kept;
}

/**
 * Only web addresses are links to save. Telegram's own schemes (`tg://`), `mailto:` and `tel:` are not, and are
 * left out quietly rather than listed as "not web links": they are how the export renders e-mail addresses,
 * phone numbers and in-app actions, not something the user saved. `t.me` addresses are web links and kept,
 * `t.me/c/…` (a post in a private channel) too: it opens the post for anyone in it, the user included.
 * A `link` Telegram recognised without a scheme ("example.org") is kept as written: normalizing adds https.
 */
function isSavable(url: string, recognised: boolean): boolean {
  if (/^https?:\/\//iu.test(url)) return true;
  return recognised && !/^[a-z][a-z0-9+.-]*:/iu.test(url) && /^[^\s/]+\.[^\s/]+/u.test(url);
}

/**
 * Every link of a message, in order and each once: `link` entities, `text_link` targets and addresses written
 * in the words. Each is saved when the message was sent; the message's words are its note, unless the message
 * is nothing but its links; then the words of a `text_link` are its title instead.
 */
export function messageLinks(message: TelegramMessage): PortableLink[] {
  const found: { url: string; title: string | null }[] = [];
  const rest: string[] = [];
  for (const part of message.parts) {
    if (part.kind === "link") {
      if (isSavable(part.text.trim(), true)) found.push({ url: part.text.trim(), title: null });
      else rest.push(part.text);
    } else if (part.kind === "text_link") {
      if (isSavable(part.href.trim(), false)) found.push({ url: part.href.trim(), title: part.text.trim() || null });
      else rest.push(part.text);
    } else if (part.kind === "plain") {
      const urls = writtenUrls(part.text);
      for (const url of urls) found.push({ url, title: null });
      rest.push(urls.reduce((text, url) => text.replace(url, ""), part.text));
    } else rest.push(part.text);
  }
  if (found.length === 0) return [];
  const words = message.parts
    .map((part) => part.text)
    .join("")
    .trim();
  const onlyLinks = rest.join("").trim() === "";
  const seen = new Set<string>();
  const links: PortableLink[] = [];
  for (const { url, title } of found) {
    if (seen.has(url)) continue;
    seen.add(url);
    links.push({
      url,
      title: onlyLinks && title !== null && title !== url ? title : null,
      tags: [],
      notes: onlyLinks ? [] : [{ text: words, createdAt: message.date }],
      savedAt: message.date,
      read: false,
      readAt: null,
      ...(message.forwardedFrom ? { source: message.forwardedFrom } : {}),
    });
  }
  return links;
}
