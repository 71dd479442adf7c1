import type { InlineKeyboardMarkup } from "@grammyjs/types";
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../views/translate.js";
import { htmlLink, truncate, shortUrl } from "../../views/html.js";
import { callbackData, int } from "../../telegram/callback-data.js";

// Only two ids travel (at most 35 bytes of Telegram's 64); both are checked against the pressing user.
export const moveData = callbackData("nmv", { noteId: int(15), linkId: int(15) });
export const MOVE_CALLBACK = moveData.pattern;
export const moveCallback = (noteId: number, linkId: number) => moveData.pack({ noteId, linkId });

/** A reply to a message about more links than this offers only its first ones, keeping the message short. */
export const MAX_CHOICES = 10;
const CHOICES_PER_ROW = 5;
const MAX_TITLE = 80;

export interface NamedLink {
  id: number;
  url: string;
  title: string | null;
}

export interface Confirmation {
  text: string;
  keyboard?: InlineKeyboard;
}

const linkName = (link: NamedLink) => htmlLink(link.url, truncate(link.title ?? shortUrl(link.url), MAX_TITLE));

/**
 * "Note added to …" (or "moved to …"). When the replied-to message was about several links they are listed
 * by number, with a button per number to move the note there; the note's link is the ✅ one.
 */
export function noteConfirmation(
  t: Translate,
  key: "note-added" | "note-moved",
  noteId: number,
  current: NamedLink,
  choices: readonly NamedLink[],
): Confirmation {
  const text = t(key, { link: linkName(current) });
  if (choices.length < 2) return { text };
  const keyboard = new InlineKeyboard();
  choices.forEach((link, index) => {
    if (index > 0 && index % CHOICES_PER_ROW === 0) keyboard.row();
    const label = link.id === current.id ? `✅ ${index + 1}` : t("note-move", { number: index + 1 });
    keyboard.text(label, moveCallback(noteId, link.id));
  });
  const list = choices.map((link, index) => `${index + 1}. ${linkName(link)}`).join("\n");
  return { text: `${text}\n\n${t("note-choices", { count: choices.length, links: list })}`, keyboard };
}

/** The link ids a confirmation offers, in its order, read back from its own buttons. */
export function choicesOf(markup: InlineKeyboardMarkup | undefined): number[] {
  const data = (markup?.inline_keyboard ?? []).flat().map((button) => ("callback_data" in button ? button.callback_data : ""));
  return data.flatMap((value) => {
    const move = moveData.unpack(value);
    return move ? [move.linkId] : [];
  });
}
