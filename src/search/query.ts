import { bigrams, tokens, type Token } from "./tokens.js";

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
}

/** What the user typed, as terms; null when it holds nothing searchable (only punctuation, say). */
export function parseQuery(input: string): SearchQuery | null {
  const query: SearchQuery = { words: [], tags: [] };
  for (const word of input.split(/\s+/u)) {
    const target = word.startsWith("#") ? query.tags : query.words;
    target.push(...termsOf(tokens(word)));
  }
  return query.words.length + query.tags.length > 0 ? query : null;
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
