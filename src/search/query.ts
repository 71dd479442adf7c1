import { bigrams, foldWord, tokens, type Token } from "./tokens.js";

/**
 * Terms searched at most. Every term is one more doclist FTS5 walks (a #tag term walks every posting of its
 * word to check the column), so the cost of a search grows with them; eight is more than anyone types.
 */
export const MAX_TERMS = 8;
/** Characters of the input read at most: MAX_TERMS long words fit, a pasted page is not tokenized whole. */
export const MAX_QUERY_LENGTH = 256;

/** Something every result must contain, taken from one typed word. */
export type Term =
  /** A CJK run: the phrase of its bigrams, or the character itself when it is one. */
  | { kind: "cjk"; run: string }
  /** The letter/digit pieces of a word ("node.js" → node, js): a phrase. */
  | { kind: "word"; pieces: string[] };

export interface SearchQuery {
  /** Looked up in title, URL, tags and notes. */
  words: Term[];
  /** From "#tag" words: looked up in the tags only, and whole, as "#tag" means that tag everywhere else (/unread #tag). */
  tags: Term[];
  /** Some of the input was left out: words past MAX_TERMS distinct terms or past MAX_QUERY_LENGTH characters. */
  shortened: boolean;
}

/** The input cut to MAX_QUERY_LENGTH at a space, so that no word is searched by a part of itself. */
function headOf(input: string): { head: string; cut: boolean } {
  if (input.length <= MAX_QUERY_LENGTH) return { head: input, cut: false };
  const atSpace = input.slice(0, MAX_QUERY_LENGTH + 1).replace(/\S*$/u, "");
  // One word longer than the whole limit is searched by its start, as a prefix finds it (a lone surrogate is no letter).
  const head = /\S/u.test(atSpace) ? atSpace : input.slice(0, MAX_QUERY_LENGTH);
  return { head, cut: /\S/u.test(input.slice(head.length)) };
}

/** Terms that the index cannot tell apart (case, accents) are one term. */
function keyOf(term: Term, tag: boolean): string {
  const text = term.kind === "cjk" ? term.run : term.pieces.join(" ");
  return `${tag ? "#" : ""}${term.kind} ${foldWord(text)}`;
}

/**
 * What the user typed, as distinct terms, at most MAX_TERMS of them; null when it holds nothing searchable
 * (only punctuation, say).
 */
export function parseQuery(input: string): SearchQuery | null {
  const { head, cut } = headOf(input);
  const query: SearchQuery = { words: [], tags: [], shortened: cut };
  const seen = new Set<string>();
  for (const word of head.split(/\s+/u)) {
    const tag = word.startsWith("#");
    for (const term of termsOf(tokens(word))) {
      const key = keyOf(term, tag);
      if (seen.has(key)) continue;
      if (seen.size === MAX_TERMS) {
        query.shortened = true;
        break;
      }
      seen.add(key);
      (tag ? query.tags : query.words).push(term);
    }
  }
  return seen.size > 0 ? query : null;
}

/** Consecutive word pieces stay one phrase, as they sit side by side in the index; each CJK run is a term of its own. */
function termsOf(found: Token[]): Term[] {
  const terms: Term[] = [];
  let pieces: string[] = [];
  const endWord = () => {
    if (pieces.length > 0) terms.push({ kind: "word", pieces });
    pieces = [];
  };
  for (const token of found) {
    if (!token.cjk) {
      pieces.push(token.text);
      continue;
    }
    endWord();
    terms.push({ kind: "cjk", run: token.text });
  }
  endWord();
  return terms;
}

/** Every piece of user text goes inside double quotes, so FTS5 reads operators, brackets and stars in it as words. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** With `prefix`, the start of a word (or the first of two CJK characters) is enough. */
function phrase(term: Term, owner: string, prefix: boolean): string {
  const star = prefix ? "*" : "";
  if (term.kind === "word") return `${quote(term.pieces.map((piece) => owner + piece).join(" "))}${star}`;
  const pairs = bigrams(term.run);
  return pairs.length > 0 ? quote(pairs.map((pair) => owner + pair).join(" ")) : `${quote(owner + term.run)}${star}`;
}

/**
 * What every indexed word of this user's links starts with ("u42x"), so that each user's words are terms of
 * their own: a query reads only the user's postings, never everyone's. The id ends at the first letter, so no
 * user's prefix is the start of another's.
 */
export function ownerPrefix(userId: number): string {
  return `u${userId}x`;
}

/**
 * The FTS5 MATCH expression for the query within this user's links; always valid FTS5 syntax. With `words`
 * "whole", each word must be a whole word of the text: what it finds, the prefix expression finds too.
 */
export function toMatchExpression(query: SearchQuery, userId: number, words: "prefix" | "whole" = "prefix"): string {
  const owner = ownerPrefix(userId);
  // Explicit ANDs: FTS5 accepts no implicit AND before a bracketed column filter.
  const parts = query.words.map((term) => phrase(term, owner, words === "prefix"));
  if (query.tags.length > 0) parts.push(`tags : (${query.tags.map((term) => phrase(term, owner, false)).join(" AND ")})`);
  return parts.join(" AND ");
}
