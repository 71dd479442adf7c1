import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { InputFile, type CommandContext } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { EXPORT_NAMES, exportFormat } from "../../portable/formats.js";
import { writeExport } from "../../store/export.js";
import { localDate } from "../../time/local-date.js";
import { escapeHtml, truncate } from "../../views/html.js";

/** /export [md|html|csv|json]: the whole log as a document, written to a temporary file first, never held in memory. */
export async function exportCommand(ctx: CommandContext<BotContext>): Promise<void> {
  const word = ctx.match.trim().toLowerCase() || "md";
  const format = exportFormat(word);
  if (!format) {
    await ctx.reply(ctx.t("export-usage", { word: escapeHtml(truncate(word, 30)), formats: EXPORT_NAMES.join(", ") }));
    return;
  }
  const directory = await mkdtemp(join(tmpdir(), "linklog-export-"));
  try {
    const path = join(directory, "export");
    const out = createWriteStream(path);
    // The file's own words in the user's language; a /export from the command line stays English.
    const words = { markdownHeading: ctx.t("export-markdown-heading"), bookmarksTitle: ctx.t("export-bookmarks-title") };
    const count = await writeExport(ctx.db, ctx.user.id, format, { timeZone: ctx.user.time_zone, now: ctx.clock(), words }, out);
    out.end();
    await finished(out);
    const name = `linklog-${localDate(ctx.clock(), ctx.user.time_zone)}.${format.extension}`;
    await ctx.replyWithDocument(new InputFile(path, name), { caption: ctx.t("export-caption", { count }) });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
