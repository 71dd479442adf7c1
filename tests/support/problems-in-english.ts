import { problemInEnglish } from "../../src/cli/english.js";
import type { ParsedFile, ParseProblem } from "../../src/portable/model.js";

/** Problems as the English locale words them, the way the CLI prints them and the preview quotes them. */
export function inEnglish(problems: readonly ParseProblem[]): { line: number; text: string }[] {
  return problems.map((problem) => ({ line: problem.line, text: problemInEnglish(problem) }));
}

export function fileInEnglish(parsed: ParsedFile): Omit<ParsedFile, "problems"> & { problems: { line: number; text: string }[] } {
  return { ...parsed, problems: inEnglish(parsed.problems) };
}
