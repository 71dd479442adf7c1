import { bigrams, foldWord, INDEX_TOKEN } from "./tokens.js";
import { ownerPrefix, type SearchQuery, type Term } from "./query.js";

/**
 * PostgreSQL's search speaks tsvector and tsquery; linklog writes both itself, word for word from the tokens the
 * FTS5 index gets (src/search/search-text.ts), so that both databases find the same links: the text search parser
 * of a configuration (even `simple`) would split CJK runs, URLs and marks its own way. Case and diacritics are
 * folded here, as unicode61 folds them inside SQLite.
 */

/** Which part of a link a word comes from: tsquery can restrict a word to one of four weights. */
export const SEARCH_WEIGHTS = { title: "A", tags: "B", url: "C", notes: "D" } as const;
/** ts_rank's weights for D, C, B, A: a word in the title says most about a link, in a note least (as bm25's 10, 5, 2, 1). */
export const RANK_WEIGHTS = "{0.1, 0.2, 0.5, 1.0}";

// PostgreSQL keeps positions 1 to 16383 and at most 256 of them per word.
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_WORD = 256;
// And words of at most 2047 bytes: a longer one (a URL's 10,000-letter path) is left out, as no query can hold it
// (MAX_QUERY_LENGTH).
const MAX_WORD_BYTES = 2047;

/** A word as a tsvector or tsquery literal quotes it. */
function quoted(word: string): string {
  return `'${word.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

type Weight = (typeof SEARCH_WEIGHTS)[keyof typeof SEARCH_WEIGHTS];

/**
 * The tsvector literal of a link's search row: each owned text (ownedText) with its weight. A position is left
 * empty between two texts, so that no phrase is found across them, as FTS5 finds none across columns.
 */
export function toTsVector(texts: readonly { text: string; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { text, weight } of texts) {
    for (const match of text.matchAll(INDEX_TOKEN)) {
      position = Math.min(position + 1, MAX_POSITION);
      const word = foldWord(match[0]);
      if (Buffer.byteLength(word) > MAX_WORD_BYTES) continue;
      const list = positions.get(word) ?? [];
      if (list.length < MAX_POSITIONS_PER_WORD) list.push(`${position}${weight}`);
      positions.set(word, list);
    }
    position = Math.min(position + 1, MAX_POSITION);
  }
  return [...positions].map(([word, list]) => `${quoted(word)}:${list.join(",")}`).join(" ");
}

/** One term as a tsquery phrase; `weight` restricts it to one part of the link. */
function phrase(term: Term, owner: string, prefix: boolean, weight = ""): string {
  const word = (text: string, star: boolean) => {
    const label = `${star ? "*" : ""}${weight}`;
    return `${quoted(foldWord(owner + text))}${label ? `:${label}` : ""}`;
  };
  const inRow = (pieces: string[], star: boolean) => pieces.map((piece, i) => word(piece, star && i === pieces.length - 1)).join(" <-> ");
  // As FTS5's `"a b"*`: every piece in a row, the last one as a prefix.
  if (term.kind === "word") return inRow(term.pieces, prefix);
  const pairs = bigrams(term.run);
  // A lone CJK character is a word of the index (the last of each run), and the start of its bigrams.
  return pairs.length > 0 ? inRow(pairs, false) : word(term.run, prefix);
}

/**
 * The tsquery for the query within this user's links, the counterpart of toMatchExpression: the same terms, the
 * same owner prefix, `#tag` words looked up in the tags only. With `words` "whole", no word is a prefix.
 */
export function toTsQuery(query: SearchQuery, userId: number, words: "prefix" | "whole" = "prefix"): string {
  const owner = ownerPrefix(userId);
  const parts = query.words.map((term) => `(${phrase(term, owner, words === "prefix")})`);
  for (const term of query.tags) parts.push(`(${phrase(term, owner, false, SEARCH_WEIGHTS.tags)})`);
  return parts.join(" & ");
}
