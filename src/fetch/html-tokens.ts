import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

/**
 * What one forward pass over a page reports. Attributes are collected only for the tags the reader asks for;
 * no element stack is kept, so nesting costs nothing (htmlparser2's `Parser` keeps its stack with `unshift`,
 * which made a page of nested unclosed tags quadratic).
 */
export interface TagReader {
  /** Whether the attributes of this (lowercased) tag are wanted. */
  wantsAttributes(name: string): boolean;
  open(name: string, attributes: ReadonlyMap<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Text with its entities decoded; the content of script, style, title, textarea and xmp arrives as text. */
  text(text: string): void;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/**
 * Adapts htmlparser2's `Tokenizer` (a state machine that reports offsets into the page, never recursing or
 * looking back) to names, attributes and decoded text.
 */
class TokenSink implements TokenizerCallbacks {
  private html = "";
  private tagName = "";
  private attributes: Map<string, string> | undefined;
  private attributeName = "";
  private attributeValue = "";
  /**
   * Text between two tags, handed on in one piece: `<<<<` or `&amp;&amp;` arrive a character at a time. Runs
   * that follow each other in the page are kept as offsets and sliced once.
   */
  private pendingText = "";
  private runStart = 0;
  private runEnd = 0;

  constructor(private readonly reader: TagReader) {}

  read(html: string): void {
    this.html = html;
    const tokenizer = new Tokenizer({ decodeEntities: true }, this);
    tokenizer.write(html);
    tokenizer.end();
    this.flushText();
  }

  /** Ends the run of page text being gathered; the next one starts at `next`. */
  private endRun(next: number): void {
    if (this.runEnd > this.runStart) this.pendingText += this.html.slice(this.runStart, this.runEnd);
    this.runStart = this.runEnd = next;
  }

  private flushText(): void {
    this.endRun(this.runEnd);
    if (!this.pendingText) return;
    this.reader.text(this.pendingText);
    this.pendingText = "";
  }

  onopentagname(start: number, endIndex: number): void {
    this.tagName = this.html.slice(start, endIndex).toLowerCase();
    this.attributes = this.reader.wantsAttributes(this.tagName) ? new Map() : undefined;
  }

  onattribname(start: number, endIndex: number): void {
    this.attributeName = this.html.slice(start, endIndex).toLowerCase();
    this.attributeValue = "";
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.attributes) this.attributeValue += this.html.slice(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    if (this.attributes) this.attributeValue += String.fromCodePoint(codepoint);
  }

  /** The first of two equal names wins, as in browsers. */
  onattribend(): void {
    if (this.attributes && !this.attributes.has(this.attributeName)) this.attributes.set(this.attributeName, this.attributeValue);
    this.attributeValue = "";
  }

  onopentagend(): void {
    this.flushText();
    this.reader.open(this.tagName, this.attributes ?? NO_ATTRIBUTES, false);
  }

  onselfclosingtag(): void {
    this.flushText();
    this.reader.open(this.tagName, this.attributes ?? NO_ATTRIBUTES, true);
  }

  onclosetag(start: number, endIndex: number): void {
    this.flushText();
    this.reader.close(this.html.slice(start, endIndex).toLowerCase());
  }

  ontext(start: number, endIndex: number): void {
    if (start !== this.runEnd) this.endRun(start);
    this.runEnd = endIndex;
  }

  ontextentity(codepoint: number, endIndex: number): void {
    this.endRun(endIndex);
    this.pendingText += String.fromCodePoint(codepoint);
  }

  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

export function readTags(html: string, reader: TagReader): void {
  new TokenSink(reader).read(html);
}
