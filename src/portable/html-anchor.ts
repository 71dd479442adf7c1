import { collapsedSpace, isUnreadableDate, tagSet, titleOf, unixTime } from "./fields.js";
import { htmlText } from "./html-text.js";
import type { ParseProblem, PortableLink } from "./model.js";
import { problem, type ProblemList } from "./problems.js";

/** An `<a>` whose title text is still being read. */
export interface OpenAnchor {
  attributes: ReadonlyMap<string, string>;
  line: number;
  titleParts: string[];
}

export interface AnchorMeaning {
  /** The attribute holding the unix time it was saved: ADD_DATE in bookmark files, time_added in Pocket's. */
  dateAttribute: string;
  /** Tags the anchor's place in the file gives, such as its folders. */
  placeTags: readonly string[];
  read: boolean;
  /** The anchor's own tags when the reader took them from TAGS itself (to drop the ones that are a state); TAGS otherwise. */
  ownTags?: readonly string[];
}

// A scheme (`https:`, `place:`, `javascript:`) starts every address that is one on its own; the rest are relative.
const SCHEME = /^[a-z][a-z0-9+.-]*:/iu;
// What a browser's URL parser percent-encodes in every part after the host (the C0 set plus space, `"`, `<`, `>`).
const ENCODED_BY_BROWSERS = /[\u0000-\u001f "<>\u007f]/gu;

/**
 * The address as a browser would follow it: the URL standard strips tabs and line breaks and
 * percent-encodes spaces, quotes and angle brackets, so `a b` is `a%20b`, not a link to drop.
 */
export function hrefAddress(href: string): string {
  const trimmed = href.trim().replace(/[\t\n\r]/gu, "");
  ENCODED_BY_BROWSERS.lastIndex = 0;
  return ENCODED_BY_BROWSERS.test(trimmed)
    ? trimmed.replace(ENCODED_BY_BROWSERS, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
    : trimmed;
}

/**
 * The link an anchor stands for; one without an address is a problem, not a link. A relative address
 * (`messages2.html`, `#top`, `//host/x`) is a page's own navigation, never a saved link, and gives nothing.
 * An ADD_DATE that is there but no date is reported to `problems`, and the link keeps no date (the import time).
 */
export function anchorLink(anchor: OpenAnchor, meaning: AnchorMeaning, problems?: ProblemList): PortableLink | ParseProblem | null {
  const title = collapsedSpace(htmlText(anchor.titleParts));
  const url = hrefAddress(anchor.attributes.get("href") ?? "");
  if (url === "") return title === "" ? problem(anchor.line, "problem-html-no-address-untitled") : problem(anchor.line, "problem-html-no-address", { title });
  if (!SCHEME.test(url)) return null;
  const ownTags = meaning.ownTags ?? (anchor.attributes.get("tags") ?? "").split(",");
  const written = anchor.attributes.get(meaning.dateAttribute);
  const savedAt = unixTime(written);
  if (savedAt === null && problems && isUnreadableDate(written)) problems.add(anchor.line, "problem-bad-date", { date: written! });
  return {
    url,
    title: titleOf(title),
    tags: tagSet([...meaning.placeTags, ...ownTags]),
    notes: [],
    savedAt,
    read: meaning.read,
    readAt: null,
  };
}

export function isProblem(result: PortableLink | ParseProblem): result is ParseProblem {
  return "line" in result;
}
