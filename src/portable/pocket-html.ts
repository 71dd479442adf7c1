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

export function parsePocketHtml(html: string, limit: LinkLimit = {}): ParsedFile {
  const links = new LinkList(limit.maxLinks);
  const problems = new ProblemList();
  let read = false;
  let heading: string[] | null = null;
  let anchor: OpenAnchor | null = null;
  const endAnchor = () => {
    if (!anchor) return;
    const result = anchorLink(anchor, { dateAttribute: "time_added", placeTags: [], read });
    anchor = null;
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
      read = /archive/iu.test(htmlText(heading));
      heading = null;
    }
  }
  endAnchor();
  return { format: POCKET_HTML_FORMAT, links: links.links, problems: problems.list(), ...links.cut };
}
