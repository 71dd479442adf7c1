import type { InlineKeyboard } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { callbackData, text } from "../../telegram/callback-data.js";
import { countUnread, dayCounts, dayEntries, dayPage, type DayCounts, type DayEntries, type DayNote } from "../../store/reading.js";
import { addDays, localDate, localDayRange, type LocalDate } from "../../time/local-date.js";
import { escapeHtml, truncate, shortUrl } from "../../views/html.js";
import { formatDay } from "../../views/dates.js";
import { renderLinkList } from "../../views/link-list.js";
import { pageAt, type Page } from "../../recall/pagination.js";
import { listKeyboard, type RenderedPage, type ShownPage, type ViewKind } from "../../lists/views.js";

// Entries (links saved, links read, notes) per page: with long titles, tags and notes far below 4096 characters.
const PAGE_SIZE = 8;
const NOTE_EXCERPT = 80;

export interface TodayParams {
  date: LocalDate;
}

/** ◀ previous day / next day ▶ under a day: the date to show (a new view of it replaces the message's). */
export const dayData = callbackData("dy", { date: text("\\d{4}-\\d{2}-\\d{2}", "2026-12-31") });

function noteLines(ctx: BotContext, notes: readonly DayNote[]): string[] {
  return notes.map((note) =>
    ctx.t("today-note", {
      link: escapeHtml(truncate(note.title ?? shortUrl(note.url), 40)),
      note: escapeHtml(truncate(note.text.replace(/\s+/g, " "), NOTE_EXCERPT)),
    }),
  );
}

function section(title: string, lines: string[]): string[] {
  return lines.length > 0 ? [`<b>${title}</b>`, ...lines, ""] : [];
}

type DayIds = { saved: number[]; read: number[]; notes: number[] };

/** The page's entries: asked for, or, with `shown`, the rows the message shows, in their state now. */
async function entriesOf(
  ctx: BotContext,
  date: LocalDate,
  requested: number,
  shown?: ShownPage,
): Promise<{ counts: DayCounts; page: Page; entries: DayEntries; ids: DayIds }> {
  const { start, end } = localDayRange(date, ctx.user.time_zone);
  if (shown) {
    const ids = { saved: shown.more?.saved ?? [], read: shown.more?.read ?? [], notes: shown.more?.notes ?? [] };
    const [counts, entries] = await Promise.all([dayCounts(ctx.db, ctx.user.id, start, end), dayEntries(ctx.db, ctx.user.id, ids)]);
    return { counts, page: pageAt(shown.index, shown.count, PAGE_SIZE), entries, ids };
  }
  const { counts, page, ...entries } = await dayPage(ctx.db, ctx.user.id, start, end, requested, PAGE_SIZE);
  const ids = { saved: entries.saved.map((l) => l.id), read: entries.read.map((l) => l.id), notes: entries.notes.map((n) => n.id) };
  return { counts, page, entries, ids };
}

/** ◀ previous day always, next day ▶ up to today. */
function addDayButtons(ctx: BotContext, keyboard: InlineKeyboard, date: LocalDate, today: LocalDate): InlineKeyboard {
  keyboard.row().text(ctx.t("today-previous-day"), dayData.pack({ date: addDays(date, -1) }));
  if (date < today) keyboard.text(ctx.t("today-next-day"), dayData.pack({ date: addDays(date, 1) }));
  return keyboard;
}

/**
 * A day: what was saved, then read, then noted, each newest first, in pages of entries with ◀ ▶, and the days
 * around it a tap away. Links are numbered across the page's two lists so that every button names one link.
 */
async function renderToday(ctx: BotContext, { date }: TodayParams, viewId: number, requested: number, shown?: ShownPage): Promise<RenderedPage> {
  const [{ counts, page, entries, ids }, unread] = await Promise.all([entriesOf(ctx, date, requested, shown), countUnread(ctx.db, ctx.user.id)]);
  const today = localDate(ctx.clock(), ctx.user.time_zone);
  const heading = ctx.t(date === today ? "today-heading" : "day-heading", { date: formatDay(ctx.t, date, today) });
  const summary = ctx.t("today-counts", { saved: counts.saved, read: counts.read, notes: counts.notes, unread });
  // Numbers follow the rows as drawn: the page's first link is offset + 1, the read list goes on from the saved one.
  const firstNumber = page.offset + 1;
  const savedNumbers = entries.saved.map((link) => firstNumber + ids.saved.indexOf(link.id));
  const readNumbers = entries.read.map((link) => firstNumber + ids.saved.length + ids.read.indexOf(link.id));
  const savedList = renderLinkList(entries.saved, { firstNumber, numbers: savedNumbers });
  // Put back unread from here: struck through, as it leaves the day's reads when the day is asked for again.
  const readList = renderLinkList(entries.read, { firstNumber, numbers: readNumbers, struck: (link) => link.read_at === null });
  const empty = counts.saved + counts.read + counts.notes === 0;
  const body = [
    ...section(ctx.t("today-saved"), entries.saved.length ? [savedList] : []),
    ...section(ctx.t("today-read"), entries.read.length ? [readList] : []),
    ...section(ctx.t("today-notes"), noteLines(ctx, entries.notes)),
  ];
  const text = [heading, summary, "", ...(empty ? [ctx.t("today-empty")] : body)].join("\n").trim();
  const links = [...entries.saved, ...entries.read];
  const keyboard = listKeyboard(links, firstNumber, viewId, page, [...savedNumbers, ...readNumbers]);
  return {
    text,
    keyboard: addDayButtons(ctx, keyboard, date, today),
    linkIds: links.map((link) => link.id),
    shown: { index: page.index, count: page.count, ids: [...ids.saved, ...ids.read], more: ids },
  };
}

export const todayView: ViewKind<TodayParams> = {
  kind: "today",
  render: (ctx, params, viewId, page, shown) => renderToday(ctx, params, viewId, page, shown),
};
