import { domainOf, escapeHtml, htmlLink, shortUrl, truncate } from "./html.js";

export interface LinkLike {
  url: string;
  title: string | null;
}

const MAX_TITLE = 120;
/** A tag question or confirmation lists at most this many links, so it stays far below 4096 characters. */
export const MAX_LISTED_LINKS = 10;

/** The name a link goes by everywhere: its title (the user's, the page's or the words it came with), else its short address. */
export function displayTitle(link: LinkLike): string {
  return link.title ? truncate(link.title, MAX_TITLE) : shortUrl(link.url);
}

export function linkLine(link: LinkLike): string {
  const label = displayTitle(link);
  return `• ${htmlLink(link.url, label)} <i>(${escapeHtml(domainOf(link.url))})</i>`;
}

/** One line per link; past MAX_LISTED_LINKS the rest is counted, not listed. */
export function linkLines(links: readonly LinkLike[]): string {
  const lines = links.slice(0, MAX_LISTED_LINKS).map(linkLine);
  const hidden = links.length - MAX_LISTED_LINKS;
  if (hidden > 0) lines.push(`… +${hidden}`);
  return lines.join("\n");
}

// A line of tags in a reply stays short whatever a link carries; the card and /tags show them all.
const MAX_TAGS_SHOWN = 20;

export function tagList(tags: readonly string[]): string {
  const shown = tags.slice(0, MAX_TAGS_SHOWN).map((tag) => `#${escapeHtml(tag)}`);
  return tags.length > MAX_TAGS_SHOWN ? `${shown.join(" ")} …` : shown.join(" ");
}
