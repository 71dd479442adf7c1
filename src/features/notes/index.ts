import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import type { ViewRegistry } from "../../lists/views.js";
import { moveToChoice, moveToRecent, noteButton, noteCommand, noteFromEdit, noteFromReply, pickListItem } from "./attach.js";
import { moveData, moveToData, noteData, pickData } from "./confirmation.js";
import { notesCommand, notesView } from "./summary.js";

/**
 * Notes: a reply to a message about a link (a list's item by its number), /note for the link touched last,
 * edits of either, Move and Delete under each confirmation, and the /notes summary.
 */
export function notesFeature(views: ViewRegistry) {
  views.add(notesView);
  const feature = new Composer<BotContext>();
  feature.command("note", noteCommand);
  feature.command("notes", notesCommand(views));
  feature.on("message", noteFromReply);
  feature.on("edited_message", noteFromEdit);
  feature.callbackQuery(moveData.pattern, moveToChoice);
  feature.callbackQuery(moveToData.pattern, moveToRecent);
  feature.callbackQuery(noteData.pattern, noteButton);
  feature.callbackQuery(pickData.pattern, pickListItem);
  return feature;
}
