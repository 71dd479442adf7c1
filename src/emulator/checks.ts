import type { BotCommand, InlineKeyboardMarkup, MessageEntity, ReplyKeyboardMarkup } from "@grammyjs/types";
import { badRequest } from "./api-error.js";
import { detectUrlEntities } from "./url-entities.js";

const MAX_CALLBACK_DATA_BYTES = 64;
const ACTION_FIELDS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

export function inlineMarkup(markup: unknown): InlineKeyboardMarkup | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup !== "object") throw badRequest("can't parse reply keyboard markup JSON object");
  // Reply keyboards are accepted but never echoed back in a Message.
  if (!("inline_keyboard" in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  for (const button of rows.flat() as Record<string, unknown>[]) {
    if (typeof button?.text !== "string") throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
    if ("callback_data" in button) {
      const bytes = Buffer.byteLength(String(button.callback_data ?? ""), "utf8");
      if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
    } else if (!ACTION_FIELDS.some((field) => field in button)) {
      throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
    if ("url" in button && !/^(https?|tg):\/\/\S+$/i.test(String(button.url))) throw badRequest("BUTTON_URL_INVALID");
  }
  return rows.some((row: unknown[]) => row.length > 0) ? (markup as InlineKeyboardMarkup) : undefined;
}

export function validCommands(commands: unknown): BotCommand[] {
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  return commands.map((c: Record<string, unknown>) => {
    if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest("BOT_COMMAND_INVALID");
    const description = c.description;
    if (typeof description !== "string" || description.trim().length < 1 || description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command: c.command, description };
  });
}

/** Telegram trims the text it stores; entities move with it and are cut to fit. */
export function trimWithEntities(text: string, given?: MessageEntity[]): { text: string; entities?: MessageEntity[] } {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  // Without entities or a parse mode, Telegram finds the links itself.
  const entities =
    given === undefined
      ? detectUrlEntities(trimmed)
      : given
          .map((e) => {
            const start = Math.max(e.offset - lead, 0);
            const end = Math.min(e.offset + e.length - lead, trimmed.length);
            return { ...e, offset: start, length: end - start };
          })
          .filter((e) => e.length > 0);
  return entities.length > 0 ? { text: trimmed, entities } : { text: trimmed };
}

/** A reply keyboard to show (its buttons checked), null to remove the one shown, undefined to leave it as it is. */
export function replyKeyboard(markup: unknown): ReplyKeyboardMarkup | null | undefined {
  if (markup === null || typeof markup !== "object") return undefined;
  if ("remove_keyboard" in markup && markup.remove_keyboard === true) return null;
  if (!("keyboard" in markup)) return undefined;
  const rows = markup.keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
  for (const button of rows.flat() as unknown[]) {
    const text = typeof button === "string" ? button : (button as { text?: unknown } | null)?.text;
    if (typeof text !== "string" || text === "") throw badRequest('can\'t parse keyboard button: Field "text" must be of type String');
  }
  return markup as ReplyKeyboardMarkup;
}
