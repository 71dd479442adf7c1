/**
 * chrono (`chrono-node`), the natural-language date parser, in the languages linklog reads: English, and Chinese in
 * simplified and traditional characters. Required on first use rather than imported: the package's main entry loads
 * all of its twenty locales (some 170 ms and 7 MB), one language takes some 40 ms, and a start-up nothing. Text with
 * Chinese characters goes to the Chinese parsers only, other text to the English one: each parser's first readings
 * also compile its large regular expressions (up to 200 ms once per process), so a user pays for one language only.
 */
import { createRequire } from "node:module";

export type ChronoParser = Pick<typeof import("chrono-node/en"), "parse">;
export type ChronoComponents = ReturnType<ChronoParser["parse"]>[number]["start"];

const require = createRequire(import.meta.url);
let english: readonly ChronoParser[] | undefined;
let chinese: readonly ChronoParser[] | undefined;

function parsersFor(text: string): readonly ChronoParser[] {
  if (!/\p{Script=Han}/u.test(text)) return (english ??= [require("chrono-node/en") as ChronoParser]);
  const zh = require("chrono-node/zh") as typeof import("chrono-node/zh");
  return (chinese ??= [zh.hans, zh.hant]);
}

/** What chrono reads in `text` when the reading covers all of it (chrono also finds dates inside sentences). */
export function chronoWhole(text: string, reference: { instant: Date; timezone: number }): ChronoComponents | null {
  for (const chrono of parsersFor(text)) {
    const [result] = chrono.parse(text, reference);
    if (result && result.index === 0 && result.text.length === text.length) return result.start;
  }
  return null;
}
