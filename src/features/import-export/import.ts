import type { CallbackQueryContext, Filter, NextFunction } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { mergeDuplicates } from "../../portable/merge.js";
import { parseImportFile } from "../../portable/parse-file.js";
import { previewOf } from "../../portable/preview.js";
import { importLinks, savedKeys } from "../../store/import.js";
import { addPendingImport, takePendingImport } from "../../store/pending-imports.js";
import { downloadFile, FileTooLargeError } from "../../telegram/download.js";
import type { OneAtATime } from "./one-at-a-time.js";
import { nothingFoundMessage, previewMessage } from "./preview-message.js";

export const IMPORTABLE = /\.(md|markdown|txt|html?|csv|zip|json)$/i;
// Often enough to show a large import moving, rarely enough to stay far from Telegram's edit limits.
const PROGRESS_EVERY_MS = 1500;

async function readImport(ctx: BotContext, fileId: string, fileName: string) {
  const { TELEGRAM_API_ROOT, BOT_TOKEN, IMPORT_MAX_BYTES, IMPORT_MAX_LINKS } = ctx.config;
  const bytes = await downloadFile(ctx.api, TELEGRAM_API_ROOT, BOT_TOKEN, fileId, IMPORT_MAX_BYTES);
  const context = { timeZone: ctx.user.time_zone, now: ctx.clock(), maxLinks: IMPORT_MAX_LINKS, maxUnpackedBytes: IMPORT_MAX_BYTES };
  const parsed = parseImportFile(fileName, bytes, context);
  return { parsed, merged: mergeDuplicates(parsed.links) };
}

async function tooLarge(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("import-too-large", { mib: Math.round(ctx.config.IMPORT_MAX_BYTES / 1024 / 1024) }));
}

/** The file read and compared with what the user has: null when it is too large to download. */
async function readPreview(ctx: BotContext, fileId: string, fileName: string) {
  let read: Awaited<ReturnType<typeof readImport>>;
  try {
    read = await readImport(ctx, fileId, fileName);
  } catch (error) {
    if (error instanceof FileTooLargeError) return null;
    throw error;
  }
  const saved = await savedKeys(ctx.db, ctx.user.id, read.merged.links.map((link) => link.urlKey));
  return previewOf(read.parsed, read.merged, saved);
}

/** A document with a log or bookmark file: preview what it holds, with Import and Cancel buttons. */
export async function previewDocument(ctx: Filter<BotContext, "message:document">, next: NextFunction, line: OneAtATime): Promise<void> {
  const { file_id, file_name = "", file_size } = ctx.message.document;
  if (!IMPORTABLE.test(file_name)) return await next();
  if (file_size !== undefined && file_size > ctx.config.IMPORT_MAX_BYTES) return await tooLarge(ctx);
  const preview = await line.run(
    () => readPreview(ctx, file_id, file_name),
    (ahead) => ctx.reply(ctx.t("import-waiting", { ahead })),
  );
  if (preview === null) return await tooLarge(ctx);
  if (preview.found === 0) return void (await ctx.reply(nothingFoundMessage(ctx.t, file_name, preview), { parse_mode: "HTML" }));
  const pendingId = await addPendingImport(ctx.db, ctx.user.id, file_id, file_name, ctx.clock());
  const message = previewMessage(ctx.t, file_name, preview, ctx.user.time_zone, pendingId);
  await ctx.reply(message.text, { parse_mode: "HTML", reply_markup: message.keyboard });
}

/** The user hears about a failed import whatever failed; the preview may be gone, so a new message is the fallback. */
async function tellFailure(ctx: BotContext, error: unknown): Promise<void> {
  ctx.logger.error({ err: error }, "import failed");
  try {
    await ctx.editMessageText(ctx.t("import-failed"));
  } catch {
    await ctx.reply(ctx.t("import-failed")).catch((replyError: unknown) => ctx.logger.warn({ err: replyError }, "could not tell the user the import failed"));
  }
}

/** The file read again and written in one transaction, with progress shown on the preview. */
async function runImport(ctx: CallbackQueryContext<BotContext>, fileId: string, fileName: string) {
  const { merged } = await readImport(ctx, fileId, fileName);
  const total = merged.links.length;
  await ctx.editMessageText(ctx.t("import-progress", { done: 0, total }));
  let lastShown = Date.now();
  const result = await importLinks(ctx.db, ctx.user.id, merged.links, ctx.clock(), (done) => {
    if (Date.now() - lastShown < PROGRESS_EVERY_MS || done === total) return;
    lastShown = Date.now();
    // Not awaited: the import holds the database, and Telegram must never hold the import.
    void ctx.editMessageText(ctx.t("import-progress", { done, total })).catch(() => undefined);
  });
  return { result, total };
}

/** Import or Cancel under a preview: imports run one at a time, and every failure ends with a word to the user. */
export async function confirmImport(ctx: CallbackQueryContext<BotContext>, line: OneAtATime): Promise<void> {
  const pending = await takePendingImport(ctx.db, ctx.user.id, Number(ctx.match[2]));
  if (!pending) return void (await ctx.answerCallbackQuery({ text: ctx.t("import-gone") }));
  await ctx.answerCallbackQuery();
  if (ctx.match[1] === "n") return void (await ctx.editMessageText(ctx.t("import-cancelled")));
  let imported: Awaited<ReturnType<typeof runImport>>;
  try {
    imported = await line.run(
      () => runImport(ctx, pending.file_id, pending.file_name),
      (ahead) => ctx.editMessageText(ctx.t("import-waiting", { ahead })),
    );
  } catch (error) {
    return await tellFailure(ctx, error);
  }
  const { result, total } = imported;
  const done = ctx.t("import-done", { added: result.added, updated: result.updated, notes: result.notesAdded, total });
  const titles = result.titlesQueued > 0 ? [ctx.t("import-fetching-titles", { count: result.titlesQueued })] : [];
  await ctx.editMessageText([done, ...titles].join("\n"));
}
