import type { ReactionTypeEmoji } from "@grammyjs/types";
import type { Api } from "grammy";
import type { Logger } from "../logger.js";

/** An emoji Telegram accepts as a bot's reaction: the type lists the allowed ones, so another one does not compile. */
export type Acknowledgement = ReactionTypeEmoji["emoji"];

/**
 * Acknowledges the user's own message with a reaction, where a reply would be noise (tags taken 👌, a note
 * edited ✍). A reaction is a courtesy: a refusal (REACTION_INVALID, reactions off in the chat, the message gone)
 * or a network failure is logged at debug and never breaks the flow that called this.
 */
export async function acknowledge(api: Api, chatId: number, messageId: number, emoji: Acknowledgement, logger?: Pick<Logger, "debug">): Promise<void> {
  try {
    await api.setMessageReaction(chatId, messageId, [{ type: "emoji", emoji }]);
  } catch (error) {
    logger?.debug({ err: error, chatId, messageId, emoji }, "could not react to the message");
  }
}
