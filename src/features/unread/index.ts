import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { ViewRegistry } from "../lists/views.js";

export function unreadFeature(views: ViewRegistry) {
  void views;
  return new Composer<BotContext>();
}
