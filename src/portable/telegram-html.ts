import { decodeHTML } from "entities";
import { htmlText, htmlTokens, type HtmlToken } from "./html-text.js";
import { LinkList } from "./link-cap.js";
import type { LinkLimit, ParseContext, ParsedFile } from "./model.js";
import { messageLinks, TELEGRAM_FORMAT, type TelegramMessage, type TextPart } from "./telegram-links.js";
import { zonedTimeToEpoch } from "../time/local-date.js";

/**
 * Telegram Desktop's HTML export (`messages.html`, `messages2.html`, … of 1,000 messages each), as
 * export_output_html.cpp writes it: `<div class="page_wrap">`, then per message `<div class="message default
 * clearfix" id="messageN">` (`… joined` when it continues the previous sender's run) holding `<div class="pull_right
 * date details" title="02.12.2026 21:15:07 UTC+03:00">`, for a forward `<div class="forwarded body"><div
 * class="from_name">Name <span class="date details">…</span></div>` (the name only on the first of a run), and
 * `<div class="text">` with the words, `<br>` and `<a href>`. Service messages are `<div class="message service">`.
 * "Previous messages" / "Next messages" are `<a class="pagination">` to the neighbouring page, outside any text.
 *
 * Read in one pass over htmlTokens (see html-text.ts for why not htmlparser2's tree): only the open `<div>`s are
 * kept, as a stack of what each one is, so a 100 MB export costs what its tokens do.
 */

/** Marks only Telegram Desktop's pages have, looked for at the start: its page frame and message blocks. */
const TELEGRAM_MARKS = /<div class="page_wrap">|class="message (?:default|service)\b|<div class="history">/u;

export function isTelegramHtml(html: string): boolean {
  return TELEGRAM_MARKS.test(html.slice(0, 16 * 1024));
}

/** What an open `<div>` is to the reader. */
type DivRole = "message" | "service" | "date" | "forwarded" | "from_name" | "text" | "other";

function roleOf(attributes: ReadonlyMap<string, string>): DivRole {
  const classes = (attributes.get("class") ?? "").split(/\s+/u);
  const has = (name: string) => classes.includes(name);
  if (has("message")) return has("service") ? "service" : "message";
  if (has("date") && has("details")) return "date";
  if (has("forwarded") && has("body")) return "forwarded";
  if (has("from_name")) return "from_name";
  if (classes.length === 1 && has("text")) return "text";
  return "other";
}

const DATE_TITLE = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\s*UTC(?:([+-])(\d{2}):?(\d{2}))?)?/u;

/**
 * A date title: "dd.MM.yyyy hh:mm:ss" and the exporting computer's offset as Qt names it ("UTC+03:00", "UTC").
 * Without an offset (older exports) it is the importing user's wall clock, the best guess left.
 */
export function telegramDate(title: string, context: Pick<ParseContext, "timeZone">): number | null {
  const match = DATE_TITLE.exec(title.trim());
  if (!match) return null;
  const [day, month, year, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  if (!/UTC/u.test(match[0])) return zonedTimeToEpoch({ year, month, day, hour, minute, second }, context.timeZone);
  const offset = match[7] ? (match[7] === "-" ? -1 : 1) * (Number(match[8]) * 60 + Number(match[9])) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
}

interface OpenMessage {
  message: TelegramMessage;
  /** The message's `<div class="forwarded body">` was met: a forward, named there or by the run it continues. */
  forwarded: boolean;
}

class TelegramPageReader {
  private readonly divs: DivRole[] = [];
  /** How many of the open `<div>`s are a message's text, and a forward's body: counted, so no token looks through the stack. */
  private textDivs = 0;
  private forwardedDivs = 0;
  private open: OpenMessage | null = null;
  /** The forward's name being read, until its inner date `<span>`. */
  private name: string[] | null = null;
  /** The name of the last forward, for the joined ones after it, which do not repeat it. */
  private lastForward: string | null = null;
  private anchor: { href: string; parts: string[] } | null = null;
  private words: string[] = [];

  constructor(
    private readonly links: LinkList,
    private readonly context: Pick<ParseContext, "timeZone">,
  ) {}

  private get inText(): boolean {
    return this.open !== null && this.textDivs > 0;
  }

  read(token: HtmlToken): void {
    if (token.kind === "text") return this.text(token.raw);
    if (token.name === "div") return token.kind === "open" ? this.openDiv(roleOf(token.attributes), token.attributes) : this.closeDiv();
    if (token.kind === "open" && token.name === "span") this.endName();
    if (!this.inText) return;
    if (token.kind === "open" && token.name === "br") (this.anchor?.parts ?? this.words).push("\n");
    else if (token.name === "a" && token.kind === "open") this.startAnchor(token.attributes.get("href") ?? "");
    else if (token.name === "a") this.endAnchor();
  }

  private text(raw: string): void {
    if (this.name) this.name.push(raw);
    else if (this.inText) (this.anchor?.parts ?? this.words).push(inlineText(raw));
  }

  private openDiv(role: DivRole, attributes: ReadonlyMap<string, string>): void {
    this.divs.push(role);
    if (role === "text") this.textDivs++;
    if (role === "forwarded") this.forwardedDivs++;
    if (role === "message" || role === "service") {
      this.finishMessage();
      if (role === "message") this.open = { message: { parts: [], date: null, forwardedFrom: null }, forwarded: false };
      // A service message between forwards ends their run.
      else this.lastForward = null;
    }
    if (!this.open) return;
    if (role === "date" && this.open.message.date === null) this.open.message.date = telegramDate(attributes.get("title") ?? "", this.context);
    if (role === "forwarded") this.open.forwarded = true;
    if (role === "from_name" && this.forwardedDivs > 0) this.name = [];
  }

  private closeDiv(): void {
    const role = this.divs.pop();
    if (role === "text") this.textDivs--;
    if (role === "forwarded") this.forwardedDivs--;
    if (role === "from_name") this.endName();
    if (role === "text") {
      this.endAnchor();
      this.endWords();
    }
    if (role === "message") this.finishMessage();
  }

  private endName(): void {
    if (!this.name || !this.open) return;
    // The name is followed by " via @bot" when a bot posted it; the bot is not where the post came from.
    this.open.message.forwardedFrom = htmlText(this.name).replace(/\s+via @\w+$/u, "") || null;
    this.name = null;
  }

  private startAnchor(href: string): void {
    this.endAnchor();
    this.endWords();
    this.anchor = { href, parts: [] };
  }

  private endAnchor(): void {
    if (!this.anchor || !this.open) return;
    const text = this.anchor.parts.join("");
    const href = this.anchor.href.trim();
    this.open.message.parts.push(anchorPart(href, text));
    this.anchor = null;
  }

  private endWords(): void {
    if (this.words.length === 0 || !this.open) return;
    this.open.message.parts.push({ kind: "plain", text: this.words.join("") });
    this.words = [];
  }

  finishMessage(): void {
    this.name = null;
    this.anchor = null;
    this.words = [];
    const open = this.open;
    this.open = null;
    if (!open) return;
    if (open.forwarded) {
      open.message.forwardedFrom ??= this.lastForward;
      this.lastForward = open.message.forwardedFrom;
    } else this.lastForward = null;
    for (const link of messageLinks(open.message)) this.links.add(link);
  }
}

/**
 * Words as the export writes them: a line break of the message is a `<br>`, so a line feed in the file is only
 * the writer's indentation around its tags, and goes with the spaces after it; entities are decoded.
 */
function inlineText(raw: string): string {
  const text = raw.includes("\n") ? raw.replace(/\r?\n[ \t]*/gu, "") : raw;
  return text.includes("&") ? decodeHTML(text) : text;
}

/**
 * What an `<a>` in a message's text is. Telegram writes a recognised address as `<a href="X">X</a>`, words over
 * an address with the address in `href`, a mention as a link to `https://t.me/name` shown as "@name", and
 * hashtags, bot commands and hidden mentions as `href=""` with an onclick: only web addresses count, and a
 * mention is no link the user saved. A relative `href` is a file of the export itself (a photo, the next page).
 */
function anchorPart(href: string, text: string): TextPart {
  if (!/^https?:\/\//iu.test(href) || text.startsWith("@")) return { kind: "other", text };
  return href === text ? { kind: "link", text: href } : { kind: "text_link", text, href };
}

export function parseTelegramHtml(html: string, context: LinkLimit & Pick<ParseContext, "timeZone">): ParsedFile {
  const links = new LinkList(context.maxLinks);
  const reader = new TelegramPageReader(links, context);
  for (const token of htmlTokens(html)) {
    reader.read(token);
    if (links.full) break;
  }
  reader.finishMessage();
  return { format: TELEGRAM_FORMAT, links: links.links, problems: [], ...links.cut };
}
