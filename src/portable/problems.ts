import type { ParseProblem } from "./model.js";

// Nobody reads ten million complaints about a hostile file, and keeping them would cost gigabytes.
export const MAX_PROBLEMS = 1000;

/** The problems of one file: the first MAX_PROBLEMS in full, then one line that counts the rest. */
export class ProblemList {
  private readonly kept: ParseProblem[] = [];
  private more = 0;
  private firstDropped = 0;

  add(line: number, text: string): void {
    if (this.kept.length < MAX_PROBLEMS) this.kept.push({ line, text });
    else if (this.more++ === 0) this.firstDropped = line;
  }

  list(): ParseProblem[] {
    return this.more === 0 ? this.kept : [...this.kept, { line: this.firstDropped, text: `… and ${this.more} more problems from here on` }];
  }
}
