import { domainOf, escapeHtml, htmlLink, truncate } from "./html.js";

export interface LinkLike {
  url: string;
  title: string | null;
}

const MAX_TITLE = 120;
/** A tag question or confirmation lists at most this many links, so it stays far below 4096 characters. */
export const MAX_LISTED_LINKS = 10;

export function linkLine(link: LinkLike): string {
  const label = link.title ? truncate(link.title, MAX_TITLE) : truncate(link.url, MAX_TITLE);
  return `• ${htmlLink(link.url, label)} <i>(${escapeHtml(domainOf(link.url))})</i>`;
}

/** One line per link; past MAX_LISTED_LINKS the rest is counted, not listed. */
export function linkLines(links: readonly LinkLike[]): string {
  const lines = links.slice(0, MAX_LISTED_LINKS).map(linkLine);
  const hidden = links.length - MAX_LISTED_LINKS;
  if (hidden > 0) lines.push(`… +${hidden}`);
  return lines.join("\n");
}

export function tagList(tags: readonly string[]): string {
  return tags.map((tag) => `#${escapeHtml(tag)}`).join(" ");
}
