import { Parser, type Handler } from "htmlparser2";
import { firstClean, MAX_LENGTH } from "./clean-text.js";
import { languageTag } from "./language.js";
import { readingMinutes } from "./reading-time.js";
import type { HtmlPage } from "./types.js";

export type HtmlInfo = Pick<HtmlPage, "title" | "siteName" | "description" | "language" | "readingMinutes">;

/**
 * Text no one reads as the page's content: code, the site's chrome around the article, drawings. Not `head`:
 * the parser would keep an unclosed one open to the end of a page that never opens `<body>`.
 */
const UNREAD = new Set(["title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "svg", "math"]);
const MAIN = new Set(["main", "article"]);
/** An SVG drawing has `<title>` elements of its own. */
const FOREIGN = new Set(["svg", "math"]);

/** Collects what one pass of the parser sees; the parser closes every element it opens, so the depths balance. */
class PageReader implements Partial<Handler> {
  readonly meta = new Map<string, string>();
  htmlLang: string | undefined;
  titleParts: string[] | undefined;
  readonly pageText: string[] = [];
  readonly mainText: string[] = [];
  private inTitle = false;
  private unread = 0;
  private main = 0;
  private foreign = 0;

  onopentag(name: string, attributes: Record<string, string>): void {
    if (name === "html") this.htmlLang ??= attributes.lang ?? attributes["xml:lang"];
    if (name === "meta") this.addMeta(attributes);
    if (name === "title" && this.foreign === 0 && this.titleParts === undefined) {
      this.titleParts = [];
      this.inTitle = true;
    }
    this.move(name, 1);
  }

  onclosetag(name: string): void {
    if (name === "title") this.inTitle = false;
    this.move(name, -1);
  }

  ontext(text: string): void {
    if (this.inTitle) this.titleParts?.push(text);
    this.addReadable(text);
  }

  /** The article when the page marks one, else everything outside the chrome. */
  readableText(): string {
    const main = this.mainText.join("");
    return main.trim() ? main : this.pageText.join("");
  }

  private addMeta(attributes: Record<string, string>): void {
    const key = (attributes.property ?? attributes.name ?? "").toLowerCase();
    const content = attributes.content;
    if (key && content !== undefined && !this.meta.has(key)) this.meta.set(key, content);
  }

  private addReadable(text: string): void {
    if (this.unread > 0) return;
    this.pageText.push(text);
    if (this.main > 0) this.mainText.push(text);
  }

  private move(name: string, step: 1 | -1): void {
    if (UNREAD.has(name)) this.unread += step;
    if (MAIN.has(name)) this.main += step;
    if (FOREIGN.has(name)) this.foreign += step;
    // Tags separate words even where the markup has no space: `<p>one</p><p>two</p>`.
    this.addReadable(" ");
  }
}

export function htmlInfo(html: string): HtmlInfo {
  const reader = new PageReader();
  new Parser(reader).end(html);
  const meta = (key: string) => reader.meta.get(key);
  return {
    title: firstClean(MAX_LENGTH.title, meta("og:title"), meta("twitter:title"), reader.titleParts?.join("")),
    siteName: firstClean(MAX_LENGTH.siteName, meta("og:site_name")),
    description: firstClean(MAX_LENGTH.description, meta("og:description"), meta("description"), meta("twitter:description")),
    language: languageTag(reader.htmlLang, meta("og:locale")),
    readingMinutes: readingMinutes(reader.readableText()),
  };
}
