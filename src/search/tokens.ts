// Han, kana and Hangul letters. These scripts write words without spaces, so unicode61 would make a whole
// run one token; the search text and the queries cut such runs into two-character tokens instead.
const CJK_LETTER = String.raw`(?=[\p{L}\p{N}])[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]`;
// What unicode61 keeps inside a token (marks too: remove_diacritics drops them from the token, not between).
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}\p{Co}]`;

export const CJK_RUN = new RegExp(`(?:${CJK_LETTER})+`, "gu");
// A word piece stops where a CJK run starts, because the search text puts a space there.
export const TOKEN = new RegExp(`(${CJK_RUN.source})|(?:(?!${CJK_LETTER})${WORD_CHAR})+`, "gu");
export const HAS_BASE = /[\p{L}\p{N}\p{Co}]/u;

export interface Token {
  text: string;
  /** UTF-16 offset in the text the token came from. */
  start: number;
  cjk: boolean;
}

/** CJK runs and the letter/digit pieces between them, in order; separators and lone marks are dropped. */
export function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)]
    .filter((match) => HAS_BASE.test(match[0]))
    .map((match) => ({ text: match[0], start: match.index, cjk: match[1] !== undefined }));
}

/** "进程调度" → ["进程", "程调", "调度"]: any two-character word inside the run is one of them. */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  return chars.slice(1).map((char, i) => chars[i] + char);
}

/** Folds case and diacritics much as unicode61 with remove_diacritics does, for comparing words outside SQLite. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
