import { createI18n, translatorFor } from "../telegram/i18n.js";
import type { ParseProblem } from "../portable/model.js";
import { problemWords } from "../portable/problem-words.js";

/** The bot's own English locale files, so the command line says a problem in the words the bot's preview uses. */
const english = translatorFor(createI18n(), { language_code: "en" });

export function problemInEnglish(problem: ParseProblem): string {
  return problemWords(english, problem);
}
