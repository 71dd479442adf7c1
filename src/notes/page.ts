import { localDate, type LocalDate } from "../time/local-date.js";
import { escapeHtml, htmlLink, truncate, shortUrl } from "../views/html.js";
import { formatDate } from "../views/dates.js";
import type { NotesFilter } from "./args.js";
import { countsLine, describeFilter, groupByLink, type LinkNotes, type NotesSummary, type NotesTotals } from "./entries.js";
import type { Translate } from "../views/translate.js";

/**
 * Limits in characters (code points, each at most two UTF-16 units): with every note on a different link and
 * every character outside the BMP, a page stays near 2,800 of Telegram's 4,096 units.
 */
export const NOTES_PER_PAGE = 6;
const MAX_TITLE = 60;
const MAX_TAGS = 40;
const MAX_FILTER = 60;
const PREVIEW_LINES = 3;
const PREVIEW_CHARS = 100;

/** The first non-blank lines of a note, cut short; an ellipsis marks anything left out. */
export function notePreview(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const shown = lines.slice(0, PREVIEW_LINES).join("\n");
  const cut = truncate(shown, PREVIEW_CHARS);
  return cut === shown && lines.length > PREVIEW_LINES ? `${shown}…` : cut;
}

/** The period and the tag filter, escaped, the tags cut short: the user may type ten long tags. */
function filterHtml(t: Translate, filter: NotesFilter): { period: string; tags: string } {
  const { period, tags } = describeFilter(t, filter);
  return { period: escapeHtml(period), tags: escapeHtml(truncate(tags, MAX_FILTER)) };
}

/** "📝 Notes · period · #tags" over the counts: the top of every page, and the file's caption. */
export function notesHeading(t: Translate, filter: NotesFilter, totals: NotesTotals): string {
  const { period, tags } = filterHtml(t, filter);
  return t("notes-heading", { period, filter: tags ? ` · ${tags}` : "", counts: countsLine(t, totals) });
}

/** Nothing in the period (and tags): say so, and how notes are made. */
export function renderNoNotes(t: Translate, filter: NotesFilter): string {
  const { period, tags } = filterHtml(t, filter);
  const scope = `${filter.period.range ? "period" : "all"}${tags ? "-tagged" : ""}`;
  return t("notes-empty", { scope, period, tags });
}

/** What a page shows: the summary, and today, which decides whether note dates need their year. */
export type NotesPage = NotesSummary & { today: LocalDate };

function linkBlock(t: Translate, { link, notes }: LinkNotes, { timeZone, today }: NotesPage): string {
  const tags = truncate(link.tags.map((tag) => `#${tag}`).join(" "), MAX_TAGS);
  const details = [tags ? escapeHtml(tags) : undefined, `/link_${link.link_id}`].filter(Boolean).join(" · ");
  const lines = [`🔗 ${htmlLink(link.url, truncate(link.title ?? shortUrl(link.url), MAX_TITLE))}`, `<i>${details}</i>`];
  for (const note of notes) lines.push(`▫️ <i>${formatDate(t, localDate(note.created_at, timeZone), today)}</i> ${escapeHtml(notePreview(note.text))}`);
  return lines.join("\n");
}

/** One page of /notes: counts and period on top, then the page's notes under their links. */
export function renderNotesPage(t: Translate, input: NotesPage): string {
  const blocks = groupByLink(input.notes).map((group) => linkBlock(t, group, input));
  return [notesHeading(t, input.filter, input.totals), ...blocks].join("\n\n");
}
