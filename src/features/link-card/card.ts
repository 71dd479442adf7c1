import type { LinkPreviewOptions } from "@grammyjs/types";
import { InlineKeyboard } from "grammy";
import type { Translate } from "../../views/translate.js";
import type { LinkDetails } from "../../store/link-details.js";
import { localDate } from "../../time/local-date.js";
import { escapeHtml, htmlLink, shortUrl, truncate } from "../../views/html.js";
import { displayTitle, tagList } from "../../views/links.js";
import { formatDate } from "../../views/dates.js";
import { retagCallback } from "../../questions/known-links.js";
import { callbackData, int, oneOf } from "../../telegram/callback-data.js";

/**
 * r read, u unread, d asks to delete, D deletes, k keeps (answers "delete?" with no, and closes any other
 * question on the card), t opens the tag picker, e asks for a title, f fetches the page again, z undoes a delete.
 */
export const cardData = callbackData("lk", { action: oneOf("r", "u", "d", "D", "k", "t", "e", "f", "z"), linkId: int(15) });
const cardCallback = {
  read: (linkId: number) => cardData.pack({ action: "r", linkId }),
  unread: (linkId: number) => cardData.pack({ action: "u", linkId }),
  askDelete: (linkId: number) => cardData.pack({ action: "d", linkId }),
  confirmDelete: (linkId: number) => cardData.pack({ action: "D", linkId }),
  keep: (linkId: number) => cardData.pack({ action: "k", linkId }),
  tags: (linkId: number) => cardData.pack({ action: "t", linkId }),
  title: (linkId: number) => cardData.pack({ action: "e", linkId }),
  refetch: (linkId: number) => cardData.pack({ action: "f", linkId }),
  undo: (linkId: number) => cardData.pack({ action: "z", linkId }),
} as const;

// A note of the card: e asks for its new text, d asks to delete it, D deletes it. Only the note's id travels.
export const cardNoteData = callbackData("lkn", { action: oneOf("e", "d", "D"), noteId: int(15) });
// A tag of the picker on the card, added or taken off the link: both ids are checked against the presser.
export const cardTagData = callbackData("lkt", { linkId: int(15), tagId: int(15) });

// The card's fixed parts take well under 1,000 characters; notes share what is left of 4096.
const NOTES_BUDGET = 2800;
// A note longer than this, or of more lines, is folded into an expandable quote: the card stays short to read.
const FOLD_CHARS = 200;
const FOLD_LINES = 4;
// ✏️ and 🗑 for the first notes only: more rows of buttons than this bury the card's own buttons.
const NOTE_BUTTONS = 6;
const TAGS_PER_ROW = 3;

/** A preview of the link's own page, small, above the card: the one message that asks Telegram for one. */
export const cardPreview = (url: string): LinkPreviewOptions => ({ is_disabled: false, url, prefer_small_media: true });

function noteBody(text: string): string {
  const fold = text.length > FOLD_CHARS || text.split("\n").length > FOLD_LINES;
  return fold ? `<blockquote expandable>${escapeHtml(text)}</blockquote>` : escapeHtml(text);
}

function notesBlock(t: Translate, link: LinkDetails, timeZone: string, today: string): string[] {
  if (link.notes.length === 0) return [];
  const lines = [`<b>${t("card-notes", { count: link.notes.length })}</b>`];
  let budget = NOTES_BUDGET;
  for (const [index, note] of link.notes.entries()) {
    if (budget <= 0) {
      lines.push(t("card-notes-more"));
      break;
    }
    const text = truncate(note.text, budget);
    budget -= text.length;
    lines.push(`<i>${index + 1} · ${formatDate(t, localDate(note.created_at, timeZone), today)}</i>\n${noteBody(text)}`);
  }
  return lines;
}

/** What the fetched page said of itself: site, reading time, description. */
function pageLines(t: Translate, link: LinkDetails): string[] {
  const about = [link.site_name && escapeHtml(truncate(link.site_name, 60)), link.reading_minutes && t("card-reading", { minutes: link.reading_minutes })];
  const line = about.filter(Boolean).join(" · ");
  return [...(line ? [line] : []), ...(link.description ? [`<i>${escapeHtml(truncate(link.description, 200))}</i>`] : [])];
}

/** The card's text alone: the tag picker and the questions on the card change only its buttons. */
export function cardText(t: Translate, link: LinkDetails, timeZone: string, now: number): string {
  const today = localDate(now, timeZone);
  const date = (at: number) => formatDate(t, localDate(at, timeZone), today);
  return [
    `<b>${escapeHtml(truncate(link.title ?? shortUrl(link.url), 200))}</b>`,
    htmlLink(link.url, truncate(link.url, 300)),
    t("card-number", { id: String(link.id) }),
    t("card-saved", { date: date(link.saved_at) }),
    link.read_at === null ? t("card-unread") : t("card-read", { date: date(link.read_at) }),
    link.tags.length > 0 ? t("card-tags", { tags: tagList(link.tags) }) : t("card-untagged"),
    ...(link.source ? [t("card-source", { source: escapeHtml(truncate(link.source, 100)) })] : []),
    ...pageLines(t, link),
    "",
    ...notesBlock(t, link, timeZone, today),
    t("card-note-hint"),
  ].join("\n");
}

/** The card's own buttons: read, tags, delete; title and refetch; ✏️ and 🗑 per note. */
function cardKeyboard(t: Translate, link: LinkDetails): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(
      link.read_at === null ? t("card-mark-read") : t("card-mark-unread"),
      link.read_at === null ? cardCallback.read(link.id) : cardCallback.unread(link.id),
    )
    .text(t("card-edit-tags"), cardCallback.tags(link.id))
    .text(t("card-delete"), cardCallback.askDelete(link.id))
    .row()
    .text(t("card-edit-title"), cardCallback.title(link.id))
    .text(t("card-refetch"), cardCallback.refetch(link.id));
  link.notes.slice(0, NOTE_BUTTONS).forEach((note, index) => {
    if (index % 2 === 0) keyboard.row();
    keyboard
      .text(t("card-note-edit", { number: index + 1 }), cardNoteData.pack({ action: "e", noteId: note.id }))
      .text(t("card-note-delete", { number: index + 1 }), cardNoteData.pack({ action: "d", noteId: note.id }));
  });
  return keyboard;
}

/** A link's card; `now` decides which dates need their year. */
export function renderCard(t: Translate, link: LinkDetails, timeZone: string, now: number): { text: string; keyboard: InlineKeyboard } {
  return { text: cardText(t, link, timeZone, now), keyboard: cardKeyboard(t, link) };
}

export function deleteConfirmation(t: Translate, linkId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("card-delete-yes"), cardCallback.confirmDelete(linkId)).text(t("card-delete-no"), cardCallback.keep(linkId));
}

/** "Delete note n?" on the card, in place of its buttons. */
export function noteDeleteConfirmation(t: Translate, linkId: number, noteId: number, number: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("card-note-delete-yes", { number }), cardNoteData.pack({ action: "D", noteId }))
    .text(t("card-delete-no"), cardCallback.keep(linkId));
}

/** "Deleted <link>" with the Undo that puts it back while the trash still holds it. */
export function deletedText(
  t: Translate,
  link: { id: number; url: string; title: string | null },
  minutes: number,
): { text: string; keyboard: InlineKeyboard } {
  return {
    text: t("card-deleted-named", { link: htmlLink(link.url, displayTitle(link)), minutes }),
    keyboard: new InlineKeyboard().text(t("card-undo"), cardCallback.undo(link.id)),
  };
}

/**
 * The card's tag picker: its tags (✅, tap to take off) and the user's most used other tags (tap to add), a
 * button for a new tag (the tag question, where tags are typed) and Done.
 */
export function tagPicker(t: Translate, linkId: number, tags: readonly { id: number; name: string; on: boolean }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  tags.forEach((tag, index) => {
    if (index > 0 && index % TAGS_PER_ROW === 0) keyboard.row();
    keyboard.text(`${tag.on ? "✅ " : ""}#${truncate(tag.name, 24)}`, cardTagData.pack({ linkId, tagId: tag.id }));
  });
  return keyboard.row().text(t("card-tag-new"), retagCallback(linkId)).text(t("card-tags-done"), cardCallback.keep(linkId));
}
