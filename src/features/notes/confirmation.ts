import type { InlineKeyboardMarkup } from "@grammyjs/types";
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../views/translate.js";
import { htmlLink, truncate, shortUrl } from "../../views/html.js";
import { callbackData, int, oneOf } from "../../telegram/callback-data.js";

// Only two ids travel (at most 35 bytes of Telegram's 64); both are checked against the pressing user.
export const moveData = callbackData("nmv", { noteId: int(15), linkId: int(15) });
export const MOVE_CALLBACK = moveData.pattern;
export const moveCallback = (noteId: number, linkId: number) => moveData.pack({ noteId, linkId });
// A link chosen in the Move picker (the user's recent links): the note goes there, the picker becomes the confirmation.
export const moveToData = callbackData("nmt", { noteId: int(15), linkId: int(15) });
// Under a confirmation: m opens the Move picker, d asks to delete the note, D deletes it, k goes back to the confirmation.
export const noteData = callbackData("nt", { action: oneOf("m", "d", "D", "k"), noteId: int(15) });
// "Which one?" under a reply to a list: the link chosen; the note's text is the reply the question answers.
export const pickData = callbackData("npk", { linkId: int(15) });

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

export const linkName = (link: NamedLink) => htmlLink(link.url, truncate(link.title ?? shortUrl(link.url), MAX_TITLE));

const numberRows = (keyboard: InlineKeyboard, index: number) => index > 0 && index % CHOICES_PER_ROW === 0 && keyboard.row();

/**
 * "Note added to …" (or "moved to …"), with 🗑 Delete. When the replied-to message was about several links they are
 * listed by number, with a button per number to move the note there (the note's link is the ✅ one); otherwise
 * Move offers the user's recent links.
 */
export function noteConfirmation(
  t: Translate,
  key: "note-added" | "note-moved",
  noteId: number,
  current: NamedLink,
  choices: readonly NamedLink[],
): Confirmation {
  const text = t(key, { link: linkName(current) });
  const keyboard = new InlineKeyboard();
  if (choices.length < 2) {
    return {
      text,
      keyboard: keyboard.text(t("note-move-button"), noteData.pack({ action: "m", noteId })).text(t("note-delete"), noteData.pack({ action: "d", noteId })),
    };
  }
  choices.forEach((link, index) => {
    numberRows(keyboard, index);
    const label = link.id === current.id ? `✅ ${index + 1}` : t("note-move", { number: index + 1 });
    keyboard.text(label, moveCallback(noteId, link.id));
  });
  keyboard.row().text(t("note-delete"), noteData.pack({ action: "d", noteId }));
  const list = choices.map((link, index) => `${index + 1}. ${linkName(link)}`).join("\n");
  return { text: `${text}\n\n${t("note-choices", { count: choices.length, links: list })}`, keyboard };
}

/** Move: the user's recent links by number, a button each, and Back. */
export function movePicker(t: Translate, noteId: number, current: NamedLink, recent: readonly NamedLink[]): Confirmation {
  if (recent.length === 0)
    return {
      text: t("note-move-nowhere", { link: linkName(current) }),
      keyboard: new InlineKeyboard().text(t("note-back"), noteData.pack({ action: "k", noteId })),
    };
  const keyboard = new InlineKeyboard();
  recent.forEach((link, index) => {
    numberRows(keyboard, index);
    keyboard.text(String(index + 1), moveToData.pack({ noteId, linkId: link.id }));
  });
  keyboard.row().text(t("note-back"), noteData.pack({ action: "k", noteId }));
  const list = recent.map((link, index) => `${index + 1}. ${linkName(link)}`).join("\n");
  return { text: t("note-move-ask", { link: linkName(current), links: list }), keyboard };
}

/** "Delete this note?" in place of the confirmation's buttons. */
export function deleteQuestion(t: Translate, noteId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("note-delete-yes"), noteData.pack({ action: "D", noteId }))
    .text(t("note-delete-no"), noteData.pack({ action: "k", noteId }));
}

/** "Which one?" for a reply to a list: a button per item, numbered as the list numbers it. */
export function whichOne(t: Translate, items: readonly { number: number; linkId: number }[]): Confirmation {
  const keyboard = new InlineKeyboard();
  items.forEach((item, index) => {
    numberRows(keyboard, index);
    keyboard.text(String(item.number), pickData.pack({ linkId: item.linkId }));
  });
  const [first, last] = [items[0]!.number, items.at(-1)!.number];
  return { text: t("note-which-one", { first, last }), keyboard };
}

/** The link ids a confirmation offers, in its order, read back from its own buttons. */
export function choicesOf(markup: InlineKeyboardMarkup | undefined): number[] {
  const data = (markup?.inline_keyboard ?? []).flat().map((button) => ("callback_data" in button ? button.callback_data : ""));
  return data.flatMap((value) => {
    const move = moveData.unpack(value);
    return move ? [move.linkId] : [];
  });
}
