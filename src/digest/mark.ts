/**
 * A digest after one of its up-next links was marked with ✅ or 💤: the same message, with that item struck
 * through and noted, and the unread count on its last line said anew. Pure: the caller gives the digest's HTML
 * (as Telegram returned it in the button's callback query) and the translated pieces.
 */

// Telegram's limit for a message's text, counted after entity parsing.
const MAX_TEXT = 4096;

/** The length Telegram counts for HTML the bot wrote: tags are not text, and each of the escapes is one character. */
export function textLength(html: string): number {
  return html.replace(/<[^>]*>/gu, "").replace(/&(?:lt|gt|amp|quot);/gu, "&").length;
}

/**
 * Strikes item `number` of Up next (the first line starting "N. ": the items come before anything else numbered)
 * and puts `note` after it, then replaces the last line with `countLine`. An item already struck keeps its first
 * note. Without the note when the text would pass Telegram's limit; null when even the count would.
 */
export function markDigestItem(html: string, number: number, note: string, countLine: string): string | null {
  const lines = html.split("\n");
  lines[lines.length - 1] = countLine;
  const counted = lines.join("\n");
  const prefix = `${number}. `;
  const index = lines.findIndex((line) => line.startsWith(prefix));
  const item = lines[index];
  if (item !== undefined && !item.startsWith(`${prefix}<s>`)) lines[index] = `${prefix}<s>${item.slice(prefix.length)}</s> — ${note}`;
  const marked = lines.join("\n");
  if (textLength(marked) <= MAX_TEXT) return marked;
  return textLength(counted) <= MAX_TEXT ? counted : null;
}
