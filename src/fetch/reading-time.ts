// Chinese and Japanese are read by the character. Hangul puts spaces between words, so it is counted in words.
const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const WORDS_PER_MINUTE = 230;
const CJK_CHARACTERS_PER_MINUTE = 500;

const enum Kind {
  Other,
  Word,
  Cjk,
  Apostrophe,
}

function kindOf(codePoint: number): Kind {
  const char = String.fromCodePoint(codePoint);
  if (CJK_CHARACTER.test(char)) return Kind.Cjk;
  if (WORD_CHARACTER.test(char)) return Kind.Word;
  return char === "'" || char === "’" ? Kind.Apostrophe : Kind.Other;
}

/**
 * The kind of every character of the Basic Multilingual Plane, made once from the Unicode classes above: a
 * Unicode-aware regex over a page of a million Chinese characters took most of a second, a table lookup per
 * character takes a few milliseconds. The rarer characters beyond it are remembered as they are met.
 */
let basicKinds: Uint8Array | undefined;
const otherKinds = new Map<number, Kind>();

function basicKind(unit: number): Kind {
  if (!basicKinds) {
    basicKinds = new Uint8Array(0x10000);
    // Lone surrogates stay Other; a pair is looked up as the character it makes.
    for (let unit = 0; unit < 0x10000; unit++) if (unit < 0xd800 || unit > 0xdfff) basicKinds[unit] = kindOf(unit);
  }
  return basicKinds[unit] as Kind;
}

function astralKind(codePoint: number): Kind {
  let kind = otherKinds.get(codePoint);
  if (kind === undefined) otherKinds.set(codePoint, (kind = kindOf(codePoint)));
  return kind;
}

/**
 * Counts words and CJK characters in text given piece by piece, in one pass and without keeping the text. A
 * word is a run of letters, marks and digits, joined across an apostrophe (`it's`); CJK characters end words.
 */
export class ReadingCounter {
  private words = 0;
  private characters = 0;
  /** Inside a word, or just past an apostrophe inside one. */
  private state: "outside" | "word" | "apostrophe" = "outside";
  private pendingHigh = 0;
  /** Whether anything but whitespace was added. */
  hasText = false;

  add(text: string): void {
    if (!this.hasText && text.trim()) this.hasText = true;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      const low = unit >= 0xdc00 && unit <= 0xdfff;
      if (this.pendingHigh && low) {
        this.step(astralKind((this.pendingHigh - 0xd800) * 0x400 + (unit - 0xdc00) + 0x10000));
        this.pendingHigh = 0;
        continue;
      }
      // A lone surrogate is no letter.
      if (this.pendingHigh) this.step(Kind.Other);
      this.pendingHigh = unit >= 0xd800 && unit <= 0xdbff ? unit : 0;
      if (!this.pendingHigh) this.step(basicKind(unit));
    }
  }

  /** A break between words that the text itself does not show, such as a tag. */
  separate(): void {
    this.step(Kind.Other);
    this.pendingHigh = 0;
  }

  private step(kind: Kind): void {
    if (kind === Kind.Word) {
      if (this.state === "outside") this.words++;
      this.state = "word";
      return;
    }
    if (kind === Kind.Cjk) this.characters++;
    this.state = kind === Kind.Apostrophe && this.state === "word" ? "apostrophe" : "outside";
  }

  minutes(): number {
    return Math.max(1, Math.round(this.words / WORDS_PER_MINUTE + this.characters / CJK_CHARACTERS_PER_MINUTE));
  }
}

export function readingMinutes(text: string): number {
  const counter = new ReadingCounter();
  counter.add(text);
  return counter.minutes();
}
