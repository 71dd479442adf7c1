import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { ViewRegistry } from "../lists/views.js";

/** /search: stub until the search feature lands. */
export function searchFeature(views: ViewRegistry) {
  void views;
  return new Composer<BotContext>();
}
