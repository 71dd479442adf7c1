import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { exportCommand } from "./export.js";
import { confirmImport, previewDocument } from "./import.js";
import { IMPORT_CALLBACK } from "./preview-message.js";

/** Bring your log in (send a file) and take it out (/export): the data stays the user's. */
export function importExportFeature() {
  const feature = new Composer<BotContext>();
  feature.command("export", exportCommand);
  feature.command("import", (ctx) => ctx.reply(ctx.t("import-how"), { parse_mode: "HTML" }));
  feature.on("message:document", previewDocument);
  feature.callbackQuery(IMPORT_CALLBACK, confirmImport);
  return feature;
}
