/**
 * How an untitled link is named wherever a name is needed: in the bot's lists and cards, and in a bookmark
 * export, where an empty name would show as a blank line in the browser.
 */

/** Cuts at a character boundary (never inside a surrogate pair) and marks the cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
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
