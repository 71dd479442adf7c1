// Pure text helpers of a lower layer, which the portable writers use too; re-exported for the views.
export { shortUrl, truncate } from "../links/short-url.js";

/** Escapes user-provided text for Telegram's HTML parse mode (which knows only these three entities plus &quot;). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function htmlLink(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

/** The host a reader recognises ("ejpcmac.net"), or the text itself when it is no URL. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
