import type { ParseProblem, ProblemArgs } from "./model.js";

/** A Fluent lookup: the bot's ctx.t, or the CLI's English bundle. */
export type ProblemTranslate = (key: string, args?: ProblemArgs) => string;

/** A problem in words, through the locale files; one in a zip's file is said with that file's name first. */
export function problemWords(t: ProblemTranslate, problem: ParseProblem): string {
  const words = t(problem.key, problem.args);
  return problem.entry === undefined ? words : t("problem-in-entry", { entry: problem.entry, problem: words });
}
