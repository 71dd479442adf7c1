import { InlineKeyboard } from "grammy";
import { callbackData, int, oneOf } from "../../telegram/callback-data.js";
import type { Translate } from "../../views/translate.js";
import type { ImportPreview } from "../../portable/preview.js";
import { problemWords } from "../../portable/problem-words.js";
import { MARKDOWN_LOG_FORMAT } from "../../portable/markdown-log.js";
import { NETSCAPE_FORMAT } from "../../portable/netscape-html.js";
import { UNKNOWN_FORMAT } from "../../portable/parse-file.js";
import { TELEGRAM_FORMAT } from "../../portable/telegram-links.js";
import { localDate } from "../../time/local-date.js";
import { formatDate } from "../../views/dates.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { tagList } from "../../views/links.js";

/** Import (y) or Cancel (n) under a preview, for the pending import's id. */
export const importData = callbackData("imp", { answer: oneOf("y", "n"), pendingId: int(15) });

// The preview lists a few lines it could not read; the count tells how many more there are.
const PROBLEMS_SHOWN = 10;
// Answers about the whole file, which quote nothing from it and are read to the end (the formats a JSON could be).
const WHOLE_PROBLEMS: ReadonlySet<string> = new Set(["problem-json-unknown"]);

/** Format names with words in them are said in the user's language; the others are product names ("Pocket CSV"). */
const FORMAT_KEYS: ReadonlyMap<string, string> = new Map([
  [MARKDOWN_LOG_FORMAT, "import-format-markdown"],
  [NETSCAPE_FORMAT, "import-format-netscape"],
  [UNKNOWN_FORMAT, "import-format-unknown"],
  [TELEGRAM_FORMAT, "import-format-telegram"],
]);

function formatName(t: Translate, format: string): string {
  const key = FORMAT_KEYS.get(format);
  return escapeHtml(key ? t(key) : format);
}

/** When the file's links were saved: one date, or the first and the last. */
function datesLine(t: Translate, preview: ImportPreview, timeZone: string, now: number): string[] {
  if (preview.firstSaved === null || preview.lastSaved === null) return [];
  const today = localDate(now, timeZone);
  const [first, last] = [localDate(preview.firstSaved, timeZone), localDate(preview.lastSaved, timeZone)];
  if (first === last) return [t("import-date", { date: formatDate(t, first, today) })];
  return [t("import-dates", { first: formatDate(t, first, today), last: formatDate(t, last, today) })];
}

function problemLines(t: Translate, preview: ImportPreview): string[] {
  const { problems } = preview;
  if (problems.length === 0) return [];
  return [
    t("import-problems", { count: problems.length }),
    ...problems.slice(0, PROBLEMS_SHOWN).map((p) => {
      const words = problemWords(t, p);
      return t("import-problem", { line: p.line, text: escapeHtml(WHOLE_PROBLEMS.has(p.key) ? words : truncate(words, 80)) });
    }),
  ];
}

/** What the file holds, with Import and Cancel; `now` in the user's zone decides which dates need their year. */
export function previewMessage(t: Translate, fileName: string, preview: ImportPreview, where: { timeZone: string; now: number }, pendingId: number) {
  const lines = [
    t("import-preview", { file: escapeHtml(truncate(fileName, 80)), format: formatName(t, preview.format) }),
    t("import-counts", { found: preview.found, saved: preview.alreadySaved, read: preview.read, notes: preview.withNotes }),
    ...(preview.tags.length > 0 ? [t("import-tags", { tags: tagList(preview.tags) })] : []),
    ...datesLine(t, preview, where.timeZone, where.now),
    ...(preview.invalid.length > 0 ? [t("import-invalid", { count: preview.invalid.length })] : []),
    ...(preview.cutAt !== null ? [t("import-cut", { max: preview.cutAt })] : []),
    ...problemLines(t, preview),
  ];
  const keyboard = new InlineKeyboard()
    .text(t("import-button-go"), importData.pack({ answer: "y", pendingId }))
    .text(t("import-button-cancel"), importData.pack({ answer: "n", pendingId }));
  return { text: lines.join("\n"), keyboard };
}

export function nothingFoundMessage(t: Translate, fileName: string, preview: ImportPreview): string {
  return [t("import-nothing", { file: escapeHtml(truncate(fileName, 80)), format: formatName(t, preview.format) }), ...problemLines(t, preview)].join("\n");
}
