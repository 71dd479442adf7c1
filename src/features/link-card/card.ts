import { InlineKeyboard } from "grammy";
import type { Translate } from "../../views/translate.js";
import type { LinkDetails } from "../../store/link-details.js";
import { localDate } from "../../time/local-date.js";
import { escapeHtml, htmlLink, shortUrl, truncate } from "../../views/html.js";
import { tagList } from "../../views/links.js";
import { formatDate } from "../../views/dates.js";
import { retagCallback } from "../../questions/known-links.js";
import { callbackData, int, oneOf } from "../../telegram/callback-data.js";

// r read, u unread, d asks to delete, D deletes, k keeps (answers the question "delete?" with no).
export const cardData = callbackData("lk", { action: oneOf("r", "u", "d", "D", "k"), linkId: int(15) });
export const cardCallback = {
  read: (linkId: number) => cardData.pack({ action: "r", linkId }),
  unread: (linkId: number) => cardData.pack({ action: "u", linkId }),
  askDelete: (linkId: number) => cardData.pack({ action: "d", linkId }),
  confirmDelete: (linkId: number) => cardData.pack({ action: "D", linkId }),
  keep: (linkId: number) => cardData.pack({ action: "k", linkId }),
} as const;

// The card's fixed parts take well under 1,000 characters; notes share what is left of 4096.
const NOTES_BUDGET = 2800;

function notesBlock(t: Translate, link: LinkDetails, timeZone: string, today: string): string[] {
  if (link.notes.length === 0) return [];
  const lines = [`<b>${t("card-notes", { count: link.notes.length })}</b>`];
  let budget = NOTES_BUDGET;
  for (const note of link.notes) {
    if (budget <= 0) {
      lines.push(t("card-notes-more"));
      break;
    }
    const text = truncate(note.text, budget);
    budget -= text.length;
    lines.push(`<i>${formatDate(t, localDate(note.created_at, timeZone), today)}</i>\n${escapeHtml(text)}`);
  }
  return lines;
}

/** What the fetched page said of itself: site, reading time, description. */
function pageLines(t: Translate, link: LinkDetails): string[] {
  const about = [link.site_name && escapeHtml(truncate(link.site_name, 60)), link.reading_minutes && t("card-reading", { minutes: link.reading_minutes })];
  const line = about.filter(Boolean).join(" · ");
  return [...(line ? [line] : []), ...(link.description ? [`<i>${escapeHtml(truncate(link.description, 200))}</i>`] : [])];
}

/** A link's card; `now` decides which dates need their year. */
export function renderCard(t: Translate, link: LinkDetails, timeZone: string, now: number): { text: string; keyboard: InlineKeyboard } {
  const today = localDate(now, timeZone);
  const date = (at: number) => formatDate(t, localDate(at, timeZone), today);
  const lines = [
    `<b>${escapeHtml(truncate(link.title ?? shortUrl(link.url), 200))}</b>`,
    htmlLink(link.url, truncate(link.url, 300)),
    t("card-saved", { date: date(link.saved_at) }),
    link.read_at === null ? t("card-unread") : t("card-read", { date: date(link.read_at) }),
    link.tags.length > 0 ? t("card-tags", { tags: tagList(link.tags) }) : t("card-untagged"),
    ...(link.source ? [t("card-source", { source: escapeHtml(truncate(link.source, 100)) })] : []),
    ...pageLines(t, link),
    "",
    ...notesBlock(t, link, timeZone, today),
    t("card-note-hint"),
  ];
  const keyboard = new InlineKeyboard()
    .text(
      link.read_at === null ? t("card-mark-read") : t("card-mark-unread"),
      link.read_at === null ? cardCallback.read(link.id) : cardCallback.unread(link.id),
    )
    .text(t("card-edit-tags"), retagCallback(link.id))
    .text(t("card-delete"), cardCallback.askDelete(link.id));
  return { text: lines.join("\n"), keyboard };
}

export function deleteConfirmation(t: Translate, linkId: number): InlineKeyboard {
  return new InlineKeyboard().text(t("card-delete-yes"), cardCallback.confirmDelete(linkId)).text(t("card-delete-no"), cardCallback.keep(linkId));
}
