import { firstClean, MAX_LENGTH, READ_LENGTH } from "./clean-text.js";
import { readTags, type TagReader } from "./html-tokens.js";
import { languageTag } from "./language.js";
import { ReadingCounter } from "./reading-time.js";
import type { HtmlPage } from "./types.js";

export type HtmlInfo = Pick<HtmlPage, "title" | "siteName" | "description" | "language" | "readingMinutes">;

/**
 * How much of a page is read, in characters: as much as the fetcher downloads by default. The one pass is
 * linear, so the metadata is looked for all the way, not only up to `</head>`: a `<title>` with no `</head>`
 * after it, or `<meta>` tags after a head of inline scripts or in the body, are still found.
 */
export const READ_LIMIT = 1024 * 1024;

/**
 * Text no one reads as the page's content: code, the site's chrome around the article, drawings. Not `head`:
 * a page that never closes it would have no readable text at all.
 */
const UNREAD = new Set(["title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "svg", "math"]);
const MAIN = new Set(["main", "article"]);
/** An SVG drawing has `<title>` elements of its own. */
const FOREIGN = new Set(["svg", "math"]);

/**
 * Collects what one pass of the tokenizer sees. With no element stack, being inside an element is a count of
 * open ones per kind; a close tag with nothing open is ignored, as a browser would, so counts never go below 0.
 */
class PageReader implements TagReader {
  readonly meta = new Map<string, string>();
  htmlLang: string | undefined;
  titleParts: string[] | undefined;
  private titleLength = 0;
  /** Words are counted as the text passes, so the page's text is never kept or joined. */
  private readonly page = new ReadingCounter();
  private readonly main = new ReadingCounter();
  private inTitle = false;
  private unread = 0;
  private inMain = 0;
  private foreign = 0;

  wantsAttributes(name: string): boolean {
    return name === "meta" || name === "html";
  }

  open(name: string, attributes: ReadonlyMap<string, string>, selfClosing: boolean): void {
    if (name === "html") this.htmlLang ??= attributes.get("lang") ?? attributes.get("xml:lang");
    if (name === "meta") this.addMeta(attributes);
    if (name === "title" && this.foreign === 0 && this.titleParts === undefined) {
      this.titleParts = [];
      this.inTitle = true;
    }
    this.move(name, 1);
    // Only drawings honour `/>`: `<div/>` opens a div in HTML, `<svg/>` is a whole (empty) drawing.
    if (selfClosing && (this.foreign > 0 || FOREIGN.has(name))) this.close(name);
  }

  close(name: string): void {
    if (name === "title") this.inTitle = false;
    this.move(name, -1);
  }

  text(text: string): void {
    // Past what cleaning reads, a title's text is not kept.
    if (this.inTitle && this.titleLength < READ_LENGTH) {
      this.titleParts?.push(text);
      this.titleLength += text.length;
    }
    this.addReadable(text);
  }

  /** The article when the page marks one, else everything outside the chrome. */
  readingMinutes(): number {
    return (this.main.hasText ? this.main : this.page).minutes();
  }

  private addMeta(attributes: ReadonlyMap<string, string>): void {
    const key = (attributes.get("property") ?? attributes.get("name") ?? "").toLowerCase();
    const content = attributes.get("content");
    if (key && content !== undefined && !this.meta.has(key)) this.meta.set(key, content);
  }

  private addReadable(text: string): void {
    if (this.unread > 0) return;
    this.page.add(text);
    if (this.inMain > 0) this.main.add(text);
  }

  private move(name: string, step: 1 | -1): void {
    if (UNREAD.has(name)) this.unread = Math.max(0, this.unread + step);
    if (MAIN.has(name)) this.inMain = Math.max(0, this.inMain + step);
    if (FOREIGN.has(name)) this.foreign = Math.max(0, this.foreign + step);
    // Tags separate words even where the markup has no space: `<p>one</p><p>two</p>`.
    if (this.unread > 0) return;
    this.page.separate();
    if (this.inMain > 0) this.main.separate();
  }
}

export function htmlInfo(html: string): HtmlInfo {
  const reader = new PageReader();
  readTags(html.length > READ_LIMIT ? html.slice(0, READ_LIMIT) : html, reader);
  const meta = (key: string) => reader.meta.get(key);
  return {
    title: firstClean(MAX_LENGTH.title, meta("og:title"), meta("twitter:title"), reader.titleParts?.join("")),
    siteName: firstClean(MAX_LENGTH.siteName, meta("og:site_name")),
    description: firstClean(MAX_LENGTH.description, meta("og:description"), meta("description"), meta("twitter:description")),
    language: languageTag(reader.htmlLang, meta("og:locale")),
    readingMinutes: reader.readingMinutes(),
  };
}
