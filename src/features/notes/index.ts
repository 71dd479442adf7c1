import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import type { ViewRegistry } from "../../lists/views.js";
import { moveToChoice, noteCommand, noteFromEdit, noteFromReply } from "./attach.js";
import { moveData } from "./confirmation.js";
import { notesCommand, notesView } from "./summary.js";

/** Notes: a reply to a message about a link, /note for the latest link, edits of either, and the /notes summary. */
export function notesFeature(views: ViewRegistry) {
  views.add(notesView);
  const feature = new Composer<BotContext>();
  feature.command("note", noteCommand);
  feature.command("notes", notesCommand(views));
  feature.on("message", noteFromReply);
  feature.on("edited_message", noteFromEdit);
  feature.callbackQuery(moveData.pattern, moveToChoice);
  return feature;
}
