import { InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "@grammyjs/types";

export const digestCallback = {
  read: (linkId: number) => `dg:r:${linkId}`,
  snooze: (linkId: number) => `dg:z:${linkId}`,
} as const;
export const DIGEST_ITEM_CALLBACK = /^dg:([rz]):(\d{1,15})$/;

/** ✅ n and 💤 n for each proposed link. */
export function digestKeyboard(linkIds: readonly number[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  linkIds.forEach((id, i) => keyboard.text(`✅ ${i + 1}`, digestCallback.read(id)).text(`💤 ${i + 1}`, digestCallback.snooze(id)).row());
  return keyboard;
}

/** The same keyboard without the buttons of a link that was just read or snoozed. */
export function withoutLink(markup: InlineKeyboardMarkup | undefined, linkId: number): InlineKeyboardMarkup {
  const gone = new Set([digestCallback.read(linkId), digestCallback.snooze(linkId)]);
  const rows = (markup?.inline_keyboard ?? [])
    .map((row) => row.filter((button) => !("callback_data" in button) || !gone.has(button.callback_data)))
    .filter((row) => row.length > 0);
  return { inline_keyboard: rows };
}
