import type { CallbackQueryContext, Filter, NextFunction } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { isImportableName } from "../../portable/formats.js";
import { addPendingImport, takePendingImport } from "../../store/pending-imports.js";
import { downloadFile, FileTooLargeError } from "../../telegram/download.js";
import type { OneAtATime } from "./one-at-a-time.js";
import { previewImport, readImport, writeImport, type ImportSource } from "../../imports/pipeline.js";
import { importData, nothingFoundMessage, previewMessage } from "./preview-message.js";

// Often enough to show a large import moving, rarely enough to stay far from Telegram's edit limits.
const PROGRESS_EVERY_MS = 1500;

/** A file the user sent, downloaded through the Bot API; a larger file is refused while it streams. */
function telegramFile(ctx: BotContext, fileId: string, fileName: string): ImportSource {
  const { TELEGRAM_API_ROOT, BOT_TOKEN } = ctx.config;
  return {
    fileName,
    async load(maxBytes) {
      try {
        return await downloadFile(ctx.api, TELEGRAM_API_ROOT, BOT_TOKEN, fileId, maxBytes);
      } catch (error) {
        if (error instanceof FileTooLargeError) return null;
        throw error;
      }
    },
  };
}

function readUpload(ctx: BotContext, fileId: string, fileName: string) {
  const caps = { maxBytes: ctx.config.IMPORT_MAX_BYTES, maxLinks: ctx.config.IMPORT_MAX_LINKS };
  return readImport(telegramFile(ctx, fileId, fileName), { timeZone: ctx.user.time_zone, now: ctx.clock() }, caps);
}

async function tooLarge(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("import-too-large", { mib: Math.round(ctx.config.IMPORT_MAX_BYTES / 1024 / 1024) }));
}

/** The file read and compared with what the user has: null when it is too large to download. */
async function readPreview(ctx: BotContext, fileId: string, fileName: string) {
  const read = await readUpload(ctx, fileId, fileName);
  return read && (await previewImport(ctx.db, ctx.user.id, read));
}

/** A document with a log or bookmark file: preview what it holds, with Import and Cancel buttons. */
export async function previewDocument(ctx: Filter<BotContext, "message:document">, next: NextFunction, line: OneAtATime): Promise<void> {
  const { file_id, file_name = "", file_size } = ctx.message.document;
  if (!isImportableName(file_name)) return await next();
  if (file_size !== undefined && file_size > ctx.config.IMPORT_MAX_BYTES) return await tooLarge(ctx);
  // The preview is sent before the next file is read, so files are answered in the order they are read.
  await line.run(
    () => previewAndAnswer(ctx, file_id, file_name),
    (ahead) => ctx.reply(ctx.t("import-waiting", { ahead })),
  );
}

async function previewAndAnswer(ctx: Filter<BotContext, "message:document">, fileId: string, fileName: string): Promise<void> {
  const preview = await readPreview(ctx, fileId, fileName);
  if (preview === null) return await tooLarge(ctx);
  if (preview.found === 0) return void (await ctx.reply(nothingFoundMessage(ctx.t, fileName, preview)));
  const pendingId = await addPendingImport(ctx.db, ctx.user.id, fileId, fileName, ctx.clock());
  const message = previewMessage(ctx.t, fileName, preview, { timeZone: ctx.user.time_zone, now: ctx.clock() }, pendingId);
  await ctx.reply(message.text, { reply_markup: message.keyboard });
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
  const read = await readUpload(ctx, fileId, fileName);
  // It was read for the preview: a file that no longer fits is a failure like any other.
  if (!read) throw new FileTooLargeError(`${fileName} is larger than IMPORT_MAX_BYTES`);
  const total = read.links.length;
  await ctx.editMessageText(ctx.t("import-progress", { done: 0, total }));
  let lastShown = Date.now();
  const result = await writeImport(ctx.db, ctx.user.id, read, ctx.clock(), (done) => {
    if (Date.now() - lastShown < PROGRESS_EVERY_MS || done === total) return;
    lastShown = Date.now();
    // Not awaited: the import holds the database, and Telegram must never hold the import.
    void ctx.editMessageText(ctx.t("import-progress", { done, total })).catch(() => undefined);
  });
  return { result, total };
}

/** Import or Cancel under a preview: imports run one at a time, and every failure ends with a word to the user. */
export async function confirmImport(ctx: CallbackQueryContext<BotContext>, line: OneAtATime): Promise<void> {
  const pressed = importData.unpack(ctx.callbackQuery.data);
  const pending = pressed && (await takePendingImport(ctx.db, ctx.user.id, pressed.pendingId));
  if (!pending) return void (await ctx.answerCallbackQuery({ text: ctx.t("import-gone") }));
  await ctx.answerCallbackQuery();
  if (pressed.answer === "n") return void (await ctx.editMessageText(ctx.t("import-cancelled")));
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
