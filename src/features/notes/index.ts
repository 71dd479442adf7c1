import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { ViewRegistry } from "../lists/views.js";

/** Notes by reply, /note, edits, /notes: stub until the notes feature lands. */
export function notesFeature(views: ViewRegistry) {
  void views;
  return new Composer<BotContext>();
}
