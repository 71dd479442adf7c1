import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { truncate } from "../../views/html.js";

// Callback data stays tiny (well under Telegram's 64 bytes): tags travel as indexes into the question's options.
export const TAG_CALLBACK_PREFIX = "tag:";
export const tagCallback = {
  toggle: (index: number) => `tag:t:${index}`,
  skip: "tag:skip",
  done: "tag:done",
} as const;

export type TagAnswer = { kind: "toggle"; index: number } | { kind: "skip" } | { kind: "done" };

export function parseTagCallback(data: string): TagAnswer | null {
  if (data === tagCallback.skip) return { kind: "skip" };
  if (data === tagCallback.done) return { kind: "done" };
  const toggle = /^tag:t:(\d{1,3})$/.exec(data);
  return toggle ? { kind: "toggle", index: Number(toggle[1]) } : null;
}

const TAGS_PER_ROW = 3;

export function tagKeyboard(options: readonly string[], selected: ReadonlySet<string>, t: TranslateFunction): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  options.forEach((tag, index) => {
    if (index > 0 && index % TAGS_PER_ROW === 0) keyboard.row();
    keyboard.text(`${selected.has(tag) ? "✅ " : ""}#${truncate(tag, 20)}`, tagCallback.toggle(index));
  });
  return keyboard.row().text(t("tag-skip"), tagCallback.skip).text(t("tag-done"), tagCallback.done);
}
