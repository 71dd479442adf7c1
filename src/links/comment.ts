import { withoutSpans, type Anchor, type Passage } from "./anchors.js";
import type { ExtractedLink } from "./extract.js";

// ---- The user's words ---------------------------------------------------------------------------------------

// What a removed address leaves dangling at the cut: the separator before it ("Title: "), the brackets that held it.
const CUT_LEFT = /[\s\-–—:：|｜•·(（[［【「《<]+$/u;
const CUT_RIGHT = /^[\s\-–—:：|｜•·)）\]］】」》>]+/u;
const NOTE_START = /^[\s\-–—:：|｜•·,，、;；.。]+/u;
const NOTE_END = /[\s\-–—:：|｜•·,，、;；]+$/u;
// Letters, digits, emoji and currency; math symbols ("|", "→") are separators here.
const WORDS = /[\p{L}\p{N}\p{So}\p{Sc}]/u;

export function commentOf(passages: Passage[], links: ExtractedLink[]): string | null {
  if (!passages.some(({ text, anchors }) => WORDS.test(withoutSpans(text, anchors)))) return null;
  const only = links.length === 1 ? links[0]?.url : undefined;
  const bare = (anchor: Anchor) => anchor.url === only && anchor.shownIsUrl && anchor.label === null;
  const texts = passages.some(({ anchors }) => anchors.some(bare))
    ? passages.map(({ text, anchors }) => cutOut(text, anchors.filter(bare)))
    : passages.map(({ text }) => text.trim());
  return texts.filter((text) => text !== "").join("\n\n") || null;
}

function cutOut(text: string, spans: Anchor[]): string {
  const pieces = [0, ...spans.map((span) => span.end)].map((from, i) => text.slice(from, spans[i]?.start ?? text.length));
  return pieces.reduce(joinAtCut).replace(NOTE_START, "").replace(NOTE_END, "");
}

/** Joins the text before a cut to the text after it, keeping the line breaks or the one space the cut stood between. */
function joinAtCut(left: string, right: string): string {
  const before = left.replace(CUT_LEFT, "");
  const after = right.replace(CUT_RIGHT, "");
  if (before === "" || after === "") return before + after;
  const gap = left.slice(before.length) + right.slice(0, right.length - after.length);
  const breaks = gap.split("\n").length - 1;
  const glue = breaks >= 2 ? "\n\n" : breaks === 1 ? "\n" : /\s/.test(gap) ? " " : "";
  return before + glue + after;
}
