import type { ParseProblem } from "./model.js";

// Nobody reads ten million complaints about a hostile file, and keeping them would cost gigabytes.
export const MAX_PROBLEMS = 1000;
// The preview shows a few dozen characters of a problem; a line of megabytes is kept no longer than this.
const MAX_PROBLEM_TEXT = 200;

/** The start of a problem's text, cut between characters, never inside a surrogate pair. */
function cut(text: string): string {
  if (text.length <= MAX_PROBLEM_TEXT) return text;
  const end = /[\uD800-\uDBFF]/u.test(text[MAX_PROBLEM_TEXT - 1]!) ? MAX_PROBLEM_TEXT - 1 : MAX_PROBLEM_TEXT;
  return `${text.slice(0, end)}…`;
}

/** The problems of one file: the first MAX_PROBLEMS in full, then one line that counts the rest. */
export class ProblemList {
  private readonly kept: ParseProblem[] = [];
  private more = 0;
  private firstDropped = 0;

  add(line: number, text: string): void {
    if (this.kept.length < MAX_PROBLEMS) this.kept.push({ line, text: cut(text) });
    else if (this.more++ === 0) this.firstDropped = line;
  }

  /** Takes back the problem added last, when a later line showed it was no problem after all. */
  removeLast(): void {
    if (this.more > 0) this.more--;
    else this.kept.pop();
  }

  list(): ParseProblem[] {
    return this.more === 0 ? this.kept : [...this.kept, { line: this.firstDropped, text: `… and ${this.more} more problems from here on` }];
  }
}
