import { collapsedSpace } from "./fields.js";
import { anchorLink, isProblem, type OpenAnchor } from "./html-anchor.js";
import { htmlText, htmlTokens } from "./html-text.js";
import { LinkList } from "./link-cap.js";
import type { LinkLimit, ParsedFile } from "./model.js";
import { ProblemList } from "./problems.js";

/**
 * Pocket's HTML export: `<h1>Unread</h1>` and `<h1>Read Archive</h1>`, each over a `<ul>` of
 * `<li><a href time_added tags>Title</a></li>`; a link in the archive section has been read.
 */
export const POCKET_HTML_FORMAT = "Pocket HTML";

const POCKET_MARKS = /<title>\s*Pocket Export\s*<\/title>|<h1>\s*(?:Unread|Read Archive)\s*<\/h1>/iu;

/** Looks only at the start: Pocket's title and first heading come before any link. */
export function isPocketHtml(html: string): boolean {
  return !/<!DOCTYPE\s+NETSCAPE/iu.test(html.slice(0, 1024)) && POCKET_MARKS.test(html.slice(0, 4096));
}

/** What the `<h1>` above a list says of its links. */
export interface SectionMeaning {
  read: boolean;
  tags: string[];
}

/** How a file of `<h1>` sections over lists of anchors is read: Pocket's and Instapaper's. */
export interface SectionedHtml {
  format: string;
  /** The attribute holding the unix time a link was saved, if the format has one. */
  dateAttribute: string;
  section: (heading: string) => SectionMeaning;
}

const POCKET: SectionedHtml = {
  format: POCKET_HTML_FORMAT,
  dateAttribute: "time_added",
  section: (heading) => ({ read: /archive/iu.test(heading), tags: [] }),
};

/** Reads links under `<h1>` headings, each heading saying what its links are. */
export function parseSectionedHtml(html: string, limit: LinkLimit, reading: SectionedHtml): ParsedFile {
  const links = new LinkList(limit.maxLinks);
  const problems = new ProblemList();
  let section: SectionMeaning = { read: false, tags: [] };
  let heading: string[] | null = null;
  let anchor: OpenAnchor | null = null;
  const endAnchor = () => {
    if (!anchor) return;
    const result = anchorLink(anchor, { dateAttribute: reading.dateAttribute, placeTags: section.tags, read: section.read }, problems);
    anchor = null;
    if (result === null) return;
    if (isProblem(result)) problems.addMade(result);
    else links.add(result);
  };
  for (const token of htmlTokens(html)) {
    if (links.full) break;
    if (token.kind === "text") (anchor?.titleParts ?? heading)?.push(token.raw);
    else if (token.name === "a" || token.name === "li" || token.name === "h1") endAnchor();
    if (token.kind === "open" && token.name === "a") anchor = { attributes: token.attributes, line: token.line, titleParts: [] };
    if (token.kind === "open" && token.name === "h1") heading = [];
    if (token.kind === "close" && token.name === "h1" && heading) {
      section = reading.section(collapsedSpace(htmlText(heading)));
      heading = null;
    }
  }
  endAnchor();
  return { format: reading.format, links: links.links, problems: problems.list(), ...links.cut };
}

export function parsePocketHtml(html: string, limit: LinkLimit = {}): ParsedFile {
  return parseSectionedHtml(html, limit, POCKET);
}
