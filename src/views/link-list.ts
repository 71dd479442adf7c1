import type { ListedLink } from "../recall/listed-link.js";
import { groupByLocalDate, type LocalDate } from "../time/local-date.js";
import { domainOf, escapeHtml, htmlLink, shortUrl, truncate } from "./html.js";

/** A link as lists show it. */

export interface ListOptions {
  /** Number shown before the first item (items are numbered across pages). */
  firstNumber: number;
  /** Each item's own number, where a page drawn again keeps numbers that are no longer consecutive. */
  numbers?: readonly number[];
  /**
   * When set, items are grouped under a heading (HTML, in the user's words) per local date in `timeZone` of
   * `timeOf` (`saved_at` unless given).
   */
  groupByDay?: { timeZone: string; heading: (date: LocalDate) => string; timeOf?: (link: ListedLink) => number | null };
  /** Rows struck through: marked on this page, so gone from the list when it is next asked for. */
  struck?: (link: ListedLink) => boolean;
  /** Extra HTML line under an item (already escaped), such as a search snippet. */
  extraLine?: (link: ListedLink) => string | undefined;
}

const MAX_TITLE = 100;
// Per item at most ~100 + 80 + 40 visible characters: a page of 10 stays far below 4096.
const MAX_TAGS_SHOWN = 80;

export function itemLines(link: ListedLink, number: number, extra?: string, struck = false): string {
  const label = truncate(link.title ?? shortUrl(link.url), MAX_TITLE);
  const mark = link.read_at === null ? "" : "✅ ";
  const tags = truncate(link.tags.map((tag) => `#${tag}`).join(" "), MAX_TAGS_SHOWN);
  const details = [escapeHtml(domainOf(link.url)), tags ? escapeHtml(tags) : undefined, `/link_${link.id}`].filter(Boolean).join(" · ");
  const title = struck ? `<s>${htmlLink(link.url, label)}</s>` : htmlLink(link.url, label);
  const lines = [`${number}. ${mark}${title}`, `    <i>${details}</i>`];
  if (extra) lines.push(`    ${extra}`);
  return lines.join("\n");
}

/** The numbered items of one page, optionally under date headings in the user's time zone. */
export function renderLinkList(links: readonly ListedLink[], options: ListOptions): string {
  const numbered = links.map((link, i) => ({ link, number: options.numbers?.[i] ?? options.firstNumber + i }));
  const render = (item: (typeof numbered)[number]) => itemLines(item.link, item.number, options.extraLine?.(item.link), options.struck?.(item.link));
  const byDay = options.groupByDay;
  if (!byDay) return numbered.map(render).join("\n");
  const timeOf = byDay.timeOf ?? ((link: ListedLink) => link.saved_at);
  return groupByLocalDate(numbered, byDay.timeZone, (item) => timeOf(item.link) ?? item.link.saved_at)
    .map((group) => [byDay.heading(group.date), ...group.items.map(render)].join("\n"))
    .join("\n\n");
}
