import { codePoints, HTTP_URL, MAX_TITLE, withoutSpans, type Anchor, type Passage } from "./anchors.js";

const MAX_SENTENCE = 100;
const ESSAY_WORDS = 280;

// ---- Provisional titles from the message's words ------------------------------------------------------------

/** Long prose with several links is a note about them, not their names; the page titles will come. */
export function isEssay(passages: Passage[]): boolean {
  const urls = new Set(passages.flatMap(({ anchors }) => anchors.filter((anchor) => HTTP_URL.test(anchor.url)).map((anchor) => anchor.url)));
  const words = passages.map(({ text, anchors }) => withoutSpans(text, anchors)).join(" ");
  return urls.size >= 2 && codePoints(words.replace(/\s+/g, " ").trim()) > ESSAY_WORDS;
}

/** The words of the link's line, or of the line above a URL alone on its line; none when the line holds other links. */
export function wordsTitle(text: string, anchor: Anchor, anchors: Anchor[]): string | null {
  const line = lineAt(text, anchor.start);
  const onLine = anchors.filter((other) => other.end > line.start && other.start < line.end);
  if (onLine.length > 1) return null;
  const title = joinPieces([text.slice(line.start, anchor.start), text.slice(anchor.end, line.end)]);
  if (title !== null) return hasLongSentence(title) ? null : title;
  const above = lineAbove(text, line.start);
  if (above === null || anchors.some((other) => other.end > above.start && other.start < above.end)) return null;
  const headline = cleanTitle(text.slice(above.start, above.end));
  return headline === null || hasLongSentence(headline) ? null : headline;
}

interface Line {
  start: number;
  end: number;
}

function lineAt(text: string, at: number): Line {
  const newline = text.indexOf("\n", at);
  return { start: text.lastIndexOf("\n", at - 1) + 1, end: newline === -1 ? text.length : newline };
}

/** The nearest line above that is not blank. */
function lineAbove(text: string, lineStart: number): Line | null {
  for (let end = lineStart - 1; end >= 0;) {
    const start = end === 0 ? 0 : text.lastIndexOf("\n", end - 1) + 1;
    if (text.slice(start, end).trim() !== "") return { start, end };
    end = start - 1;
  }
  return null;
}

/** Each side of a cut-out URL is cleaned on its own, so no separator is left dangling between them. */
function joinPieces(pieces: string[]): string | null {
  return cleanTitle(
    pieces
      .map((piece) => cleanTitle(piece) ?? "")
      .filter((piece) => piece !== "")
      .join(" "),
  );
}

function hasLongSentence(text: string): boolean {
  return text.split(/(?<=[.!?…])\s+|(?<=[。！？])/u).some((sentence) => codePoints(sentence.trim()) > MAX_SENTENCE);
}

// ---- Trimming a title ---------------------------------------------------------------------------------------

// Left over from the sentence a title was cut from, in any script. Some marks belong to a title ("C#", "100%"),
// a question mark too at its end ("Why Rust?"); brackets and quotes are weighed in pairs below.
const edgeChar = (kept: string) => `(?:(?![${kept}#＃%％&＆*＊@＠/／\\\\'"＂＇§¶†‡])[\\s\\p{Z}\\p{Pd}\\p{Po}|¦~～→⇒>])`;
const LEADING_EDGE = new RegExp(`^${edgeChar("")}+`, "u");
const TRAILING_EDGE = new RegExp(`${edgeChar("?？")}+$`, "u");
const PAIRS = new Map([
  ["(", ")"],
  ["[", "]"],
  ["{", "}"],
  ["（", "）"],
  ["［", "］"],
  ["【", "】"],
  ["「", "」"],
  ["『", "』"],
  ["〔", "〕"],
  ["〖", "〗"],
  ["“", "”"],
  ["‘", "’"],
  ["«", "»"],
  ["‹", "›"],
  ["《", "》"],
  ["〈", "〉"],
  ['"', '"'],
  ["＂", "＂"],
]);
const CLOSERS = new Map([...PAIRS].map(([open, close]) => [close, open]));
// Book-title marks say the words name a work ("《三体》"), so they stay even around a whole title.
const KEPT_PAIRS = new Set(["《", "〈"]);

export function cleanTitle(text: string): string | null {
  let title = text;
  for (let before = ""; before !== title;) {
    before = title;
    title = trimBrackets(title.replace(LEADING_EDGE, "").replace(TRAILING_EDGE, ""));
  }
  return title === "" || codePoints(title) > MAX_TITLE ? null : title;
}

/** Drops one unmatched bracket or quote at either end, or one pair around the whole title. */
function trimBrackets(title: string): string {
  const first = title[0] ?? "";
  const lastAt = title.length - 1;
  const last = title[lastAt] ?? "";
  if (PAIRS.has(first)) {
    const match = partnerAfter(title, 0);
    if (match === -1) return title.slice(1);
    if (match === lastAt && !KEPT_PAIRS.has(first)) return title.slice(1, -1);
  } else if (CLOSERS.has(first)) {
    return title.slice(1);
  }
  if (CLOSERS.has(last) && partnerBefore(title, lastAt) === -1) return title.slice(0, -1);
  if (PAIRS.has(last) && !CLOSERS.has(last)) return title.slice(0, -1);
  return title;
}

function partnerAfter(text: string, at: number): number {
  const open = text[at] ?? "";
  const close = PAIRS.get(open);
  if (close === open) return text.indexOf(close, at + 1);
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i;
  }
  return -1;
}

function partnerBefore(text: string, at: number): number {
  const close = text[at] ?? "";
  const open = CLOSERS.get(close);
  if (close === open) return text.lastIndexOf(close, at - 1);
  let depth = 0;
  for (let i = at; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && --depth === 0) return i;
  }
  return -1;
}
