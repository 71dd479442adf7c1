import type { InlineKeyboardButton, Message } from "@grammyjs/types";
import type { Emulator, RecordedCall } from "../../src/emulator/index.js";

/** Helpers to read what the bot did in a chat, in the words a test would use. */
export function buttonsOf(message: Message): InlineKeyboardButton.CallbackButton[] {
  const rows = message.reply_markup?.inline_keyboard ?? [];
  return rows.flat().filter((b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b);
}

export function button(message: Message, label: string | RegExp): InlineKeyboardButton.CallbackButton {
  const found = buttonsOf(message).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(buttonsOf(message).map((b) => b.text))}`);
  return found;
}

/** Waits for the bot's next sendMessage to this chat whose text matches, and returns the sent message. */
export async function nextMessage(emulator: Emulator, chatId: number, since: number, text?: RegExp): Promise<Message> {
  const call = await emulator.waitForCall(
    "sendMessage",
    (c) => c.response.ok && Number(c.payload.chat_id) === chatId && (!text || text.test(String(c.payload.text))),
    { since },
  );
  return call.response.result as Message;
}

/** Waits for an edit of that message whose text matches; returns the edited message. */
export async function nextEdit(emulator: Emulator, message: Message, since: number, text?: RegExp, timeoutMs?: number): Promise<Message> {
  const call = await emulator.waitForCall(
    "editMessageText",
    (c: RecordedCall) => c.response.ok && Number(c.payload.message_id) === message.message_id && (!text || text.test(String(c.payload.text))),
    { since, timeoutMs },
  );
  return call.response.result as Message;
}

export const TAG_QUESTION = /Tags\?/;

/** A question settled: tagged ("Tags: …") or saved without tags ("· no tags"). */
export const SETTLED = /Tags:|no tags/;
