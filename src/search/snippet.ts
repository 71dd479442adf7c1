import { escapeHtml, truncate } from "../views/html.js";
import type { SearchQuery, Term } from "./query.js";
import { foldWord, searchedPart, tokens, type Token } from "./tokens.js";

const MAX_LENGTH = 100;
/** Context kept before the match when the text is long: enough to read the match in its sentence. */
const CONTEXT_BEFORE = 30;
const MAX_MATCH = 40;

interface Span {
  start: number;
  end: number;
}

function matchIn(token: Token, term: Term): Span | undefined {
  if (term.kind === "cjk") {
    const at = token.cjk ? token.text.indexOf(term.run) : -1;
    return at < 0 ? undefined : { start: token.start + at, end: token.start + at + term.run.length };
  }
  if (token.cjk) return undefined;
  const word = foldWord(token.text);
  // The whole word is marked: "elix" marks "Elixir".
  return term.pieces.some((piece) => word.startsWith(foldWord(piece))) ? { start: token.start, end: token.start + token.text.length } : undefined;
}

function firstMatch(text: string, terms: readonly Term[]): Span | undefined {
  for (const token of tokens(text)) {
    for (const term of terms) {
      const span = matchIn(token, term);
      if (span) return span;
    }
  }
  return undefined;
}

function excerpt(text: string, span: Span): string {
  const match = truncate(text.slice(span.start, span.end), MAX_MATCH);
  const before = Array.from(text.slice(0, span.start));
  const after = text.slice(span.end);
  // A match near the end of the text gets more context before it.
  const beforeRoom = Math.max(CONTEXT_BEFORE, MAX_LENGTH - Array.from(match).length - Array.from(after).length);
  const shownBefore = before.length > beforeRoom ? `…${before.slice(-beforeRoom + 1).join("")}` : before.join("");
  const afterRoom = Math.max(1, MAX_LENGTH - Array.from(shownBefore).length - Array.from(match).length);
  return `${escapeHtml(shownBefore)}<b>${escapeHtml(match)}</b>${escapeHtml(truncate(after, afterRoom))}`;
}

/**
 * An HTML excerpt (about 100 characters, escaped) of the first text in which a word of the query occurs,
 * around that word, which is marked bold; undefined when none of the texts contains one.
 */
export function snippet(texts: readonly string[], query: SearchQuery): string | undefined {
  for (const raw of texts) {
    // A match deeper than the index reads would not have found the link.
    const text = searchedPart(raw).replace(/\s+/gu, " ").trim();
    const span = firstMatch(text, query.words);
    if (span) return excerpt(text, span);
  }
  return undefined;
}
