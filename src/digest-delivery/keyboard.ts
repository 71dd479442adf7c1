import { InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "@grammyjs/types";
import { callbackData, int, oneOf } from "../telegram/callback-data.js";

// ✅ (r) and 💤 (z) under a digest item.
export const digestItemData = callbackData("dg", { action: oneOf("r", "z"), linkId: int(15) });
const digestCallback = {
  read: (linkId: number) => digestItemData.pack({ action: "r", linkId }),
  snooze: (linkId: number) => digestItemData.pack({ action: "z", linkId }),
} as const;

/** ✅ n and 💤 n for each proposed link. */
export function digestKeyboard(linkIds: readonly number[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  linkIds.forEach((id, i) =>
    keyboard
      .text(`✅ ${i + 1}`, digestCallback.read(id))
      .text(`💤 ${i + 1}`, digestCallback.snooze(id))
      .row(),
  );
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

/** The number of the item a link is in the digest ("✅ 2" → 2), read from its buttons; null when they are gone. */
export function itemNumber(markup: InlineKeyboardMarkup | undefined, linkId: number): number | null {
  const ours = new Set([digestCallback.read(linkId), digestCallback.snooze(linkId)]);
  const found = (markup?.inline_keyboard ?? []).flat().find((button) => "callback_data" in button && ours.has(button.callback_data));
  const digits = found && /\d+/u.exec(found.text)?.[0];
  return digits ? Number(digits) : null;
}
