import { DIACRITIC_RANGES, TOKEN_CHAR_RANGES } from "./unicode61.js";

/** "0030-0039 00aa …" as the inside of a regular expression's character class. */
function characterClass(ranges: string): string {
  const codePoint = (hex: string) => `\\u{${hex}}`;
  return ranges
    .trim()
    .split(/\s+/u)
    .map((range) => range.split("-").map(codePoint).join("-"))
    .join("");
}

// Exactly the characters unicode61 keeps in a token, from its own tables: every token the application finds is
// one token of the index, so the owner prefix put before it stays at the start of what the index stores. With
// JavaScript's \p{L} instead, a mark or a newer letter that unicode61 splits on let text after it start a token
// of its own, one that could carry another user's prefix.
const TOKEN_CHAR = `[${characterClass(TOKEN_CHAR_RANGES)}]`;
// These continue a token, but unicode61 starts none with them.
const DIACRITIC = `[${characterClass(DIACRITIC_RANGES)}]`;
// Han, kana and Hangul letters. These scripts write words without spaces, so unicode61 would make a whole
// run one token; the search text and the queries cut such runs into two-character tokens instead.
const CJK_LETTER = String.raw`[[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]&&[\p{L}\p{N}]&&${TOKEN_CHAR}]`;
// Each of these is one set of characters (the v flag's && and --), so matching tests one class per character.
const WORD_START = `[${TOKEN_CHAR}--${CJK_LETTER}]`;
const WORD_CONTINUATION = `[[${TOKEN_CHAR}${DIACRITIC}]--${CJK_LETTER}]`;

export const CJK_RUN = new RegExp(`${CJK_LETTER}+`, "gv");
// A word piece stops where a CJK run starts, because the search text puts a space there.
export const TOKEN = new RegExp(`(${CJK_LETTER}+)|${WORD_START}${WORD_CONTINUATION}*`, "gv");

/** A token as unicode61 cuts it, CJK letters and all: each word of the prepared search text is one of these. */
export const INDEX_TOKEN = new RegExp(`${TOKEN_CHAR}[${TOKEN_CHAR}${DIACRITIC}]*`, "gv");

/**
 * Characters of one text (a title, a URL, all the notes of a link) that search reads, from its start. Four
 * full-length Telegram messages; a word deeper in a pasted book rarely tells its link from others, while every
 * step that walks the text by regular expressions grows with its length (and overflowed the stack on 20 MiB).
 */
export const MAX_SEARCHED_LENGTH = 16_384;

/** The part of the text that search reads (see MAX_SEARCHED_LENGTH), never ending inside a surrogate pair. */
export function searchedPart(text: string): string {
  if (text.length <= MAX_SEARCHED_LENGTH) return text;
  const lastUnit = text.charCodeAt(MAX_SEARCHED_LENGTH - 1);
  const splitsPair = lastUnit >= 0xd800 && lastUnit <= 0xdbff;
  return text.slice(0, splitsPair ? MAX_SEARCHED_LENGTH - 1 : MAX_SEARCHED_LENGTH);
}

export interface Token {
  text: string;
  /** UTF-16 offset in the text the token came from. */
  start: number;
  cjk: boolean;
}

/** CJK runs and the letter/digit pieces between them, in order, as unicode61 splits them; separators are dropped. */
export function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({ text: match[0], start: match.index, cjk: match[1] !== undefined }));
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
