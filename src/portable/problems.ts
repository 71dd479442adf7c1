import type { ParseProblem, ProblemArgs, ProblemKey } from "./model.js";

// Nobody reads ten million complaints about a hostile file, and keeping them would cost gigabytes.
export const MAX_PROBLEMS = 1000;
// The preview shows a few dozen characters of a problem; a line of megabytes is kept no longer than this.
const MAX_PROBLEM_TEXT = 200;

/** The start of a quoted text, cut between characters, never inside a surrogate pair. */
function cut(text: string): string {
  if (text.length <= MAX_PROBLEM_TEXT) return text;
  const end = /[\uD800-\uDBFF]/u.test(text[MAX_PROBLEM_TEXT - 1]!) ? MAX_PROBLEM_TEXT - 1 : MAX_PROBLEM_TEXT;
  return `${text.slice(0, end)}…`;
}

/** A problem with every text it quotes from the file kept short. */
export function problem(line: number, key: ProblemKey, args: ProblemArgs = {}): ParseProblem {
  const kept: ProblemArgs = {};
  for (const [name, value] of Object.entries(args)) kept[name] = typeof value === "string" ? cut(value) : value;
  return { line, key, args: kept };
}

/** The problems of one file: the first MAX_PROBLEMS in full, then one that counts the rest. */
export class ProblemList {
  private readonly kept: ParseProblem[] = [];
  private more = 0;
  private firstDropped = 0;

  add(line: number, key: ProblemKey, args?: ProblemArgs): void {
    this.keep(line, () => problem(line, key, args));
  }

  /** Adds a problem as another list made it, such as a zip entry's, still under this list's cap. */
  addMade(made: ParseProblem): void {
    this.keep(made.line, () => made);
  }

  private keep(line: number, make: () => ParseProblem): void {
    if (this.kept.length < MAX_PROBLEMS) this.kept.push(make());
    else if (this.more++ === 0) this.firstDropped = line;
  }

  /** Takes back the problem added last, when a later line showed it was no problem after all. */
  removeLast(): void {
    if (this.more > 0) this.more--;
    else this.kept.pop();
  }

  list(): ParseProblem[] {
    return this.more === 0 ? this.kept : [...this.kept, problem(this.firstDropped, "problem-more", { count: this.more })];
  }
}

/** The problem as found in one file of a zip, which the words name first. */
export function inEntry(made: ParseProblem, entry: string): ParseProblem {
  return { ...made, entry: cut(entry) };
}
