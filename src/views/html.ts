/** Escapes user-provided text for Telegram's HTML parse mode (which knows only these three entities plus &quot;). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function htmlLink(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

/** Cuts at a character boundary (never inside a surrogate pair) and marks the cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The host a reader recognises ("ejpcmac.net"), or the text itself when it is no URL. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

// Long enough to recognise a slug, short enough to keep a list line on one phone line or two.
const MAX_SLUG = 40;
// An address that does not parse is shown cut to this length.
const MAX_UNPARSED = 120;

/** How an untitled link is named: its site and the last part of its path ("medium.com › the-secret-behind-elixir…"). */
export function shortUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return truncate(url, MAX_UNPARSED);
  }
  const host = parsed.hostname.replace(/^www\./, "");
  const segment = parsed.pathname
    .split("/")
    .filter((part) => part !== "")
    .pop();
  if (segment === undefined) return host;
  let slug = segment;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    // A stray "%" is shown as it is.
  }
  return `${host} › ${truncate(slug, MAX_SLUG)}`;
}
