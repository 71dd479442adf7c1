import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Config } from "../config/config.js";
import type { DB } from "../db/connection.js";
import type { User } from "../db/schema.js";
import type { Logger } from "../logger.js";

/** What every handler can reach: set once per update by the bot's own middleware. */
export interface AppFlavor {
  config: Config;
  db: DB;
  logger: Logger;
  /** Now, in epoch ms; tests move it instead of waiting. */
  clock: () => number;
  /** The stored user; present in private chats after the user middleware ran. */
  user: User;
}

/** Context inside conversations: a fresh object per replay, so only what plugins put on it is there. */
export type ConversationContext = Context & I18nFlavor;

export type BotContext = ConversationFlavor<Context & AppFlavor & I18nFlavor>;
