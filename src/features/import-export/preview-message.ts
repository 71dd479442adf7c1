import { InlineKeyboard } from "grammy";
import { callbackData, int, oneOf } from "../../telegram/callback-data.js";
import type { Translate } from "../../views/translate.js";
import type { ImportPreview } from "../../portable/preview.js";
import { problemWords } from "../../portable/problem-words.js";
import { localDate } from "../../time/local-date.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { tagList } from "../../views/links.js";

/** Import (y) or Cancel (n) under a preview, for the pending import's id. */
export const importData = callbackData("imp", { answer: oneOf("y", "n"), pendingId: int(15) });

// The preview lists a few lines it could not read; the count tells how many more there are.
const PROBLEMS_SHOWN = 10;

function problemLines(t: Translate, preview: ImportPreview): string[] {
  const { problems } = preview;
  if (problems.length === 0) return [];
  return [
    t("import-problems", { count: problems.length }),
    ...problems.slice(0, PROBLEMS_SHOWN).map((p) => t("import-problem", { line: p.line, text: escapeHtml(truncate(problemWords(t, p), 80)) })),
  ];
}

export function previewMessage(t: Translate, fileName: string, preview: ImportPreview, timeZone: string, pendingId: number) {
  const dates =
    preview.firstSaved === null ? [] : [t("import-dates", { first: localDate(preview.firstSaved, timeZone), last: localDate(preview.lastSaved!, timeZone) })];
  const lines = [
    t("import-preview", { file: escapeHtml(truncate(fileName, 80)), format: preview.format }),
    t("import-counts", { found: preview.found, saved: preview.alreadySaved, read: preview.read, notes: preview.withNotes }),
    ...(preview.tags.length > 0 ? [t("import-tags", { tags: tagList(preview.tags) })] : []),
    ...dates,
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
  return [t("import-nothing", { file: escapeHtml(truncate(fileName, 80)), format: preview.format }), ...problemLines(t, preview)].join("\n");
}
