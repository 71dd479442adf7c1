import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import type { ViewRegistry } from "../lists/views.js";

export function linkCardFeature(views: ViewRegistry) {
  void views;
  return new Composer<BotContext>();
}
