import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { exportCommand } from "./export.js";
import { confirmImport, previewDocument } from "./import.js";
import { OneAtATime } from "./one-at-a-time.js";
import { importData } from "./preview-message.js";

/** Bring your log in (send a file) and take it out (/export): the data stays the user's. */
export function importExportFeature() {
  const feature = new Composer<BotContext>();
  // One import is read or written at a time, across all users of this bot.
  const line = new OneAtATime();
  feature.command("export", exportCommand);
  feature.command("import", (ctx) => ctx.reply(ctx.t("import-how")));
  feature.on("message:document", (ctx, next) => previewDocument(ctx, next, line));
  feature.callbackQuery(importData.pattern, (ctx) => confirmImport(ctx, line));
  return feature;
}
