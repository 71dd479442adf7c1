import type { BotContext } from "../../telegram/context.js";
import { activityBetween, countUnread, type DayActivity } from "../../store/reading.js";
import { localDate, localDayRange, type LocalDate } from "../../time/local-date.js";
import { escapeHtml, truncate, shortUrl } from "../../views/html.js";
import { formatDay } from "../../views/dates.js";
import type { ListedLink } from "../../recall/listed-link.js";
import { renderLinkList } from "../../views/link-list.js";
import { pageOf } from "../../recall/pagination.js";
import { listKeyboard, type RenderedPage, type ViewKind } from "../../lists/views.js";

// Caps that keep the whole day, with long titles and tags, below Telegram's 4096 characters.
const LINKS_SHOWN = 6;
const NOTES_SHOWN = 5;
const NOTE_EXCERPT = 80;

export interface TodayParams {
  date: LocalDate;
}

function more(ctx: BotContext, shown: number, total: number): string[] {
  return total > shown ? [ctx.t("today-more", { count: total - shown })] : [];
}

function noteLines(ctx: BotContext, activity: DayActivity): string[] {
  return [
    ...activity.notes.map((note) =>
      ctx.t("today-note", {
        link: escapeHtml(truncate(note.title ?? shortUrl(note.url), 40)),
        note: escapeHtml(truncate(note.text.replace(/\s+/g, " "), NOTE_EXCERPT)),
      }),
    ),
    ...more(ctx, activity.notes.length, activity.noteCount),
  ];
}

function section(title: string, lines: string[]): string[] {
  return lines.length > 0 ? [`<b>${title}</b>`, ...lines, ""] : [];
}

async function renderToday(ctx: BotContext, { date }: TodayParams, viewId: number): Promise<RenderedPage> {
  const { start, end } = localDayRange(date, ctx.user.time_zone);
  const [activity, unread] = await Promise.all([
    activityBetween(ctx.db, ctx.user.id, start, end, { links: LINKS_SHOWN, notes: NOTES_SHOWN }),
    countUnread(ctx.db, ctx.user.id),
  ]);
  const today = localDate(ctx.clock(), ctx.user.time_zone);
  const heading = ctx.t(date === today ? "today-heading" : "day-heading", { date: formatDay(ctx.t, date, today) });
  const counts = ctx.t("today-counts", { saved: activity.savedCount, read: activity.readCount, notes: activity.noteCount, unread });
  // Items are numbered across both lists so every button names exactly one link.
  const items: ListedLink[] = [...activity.saved, ...activity.read];
  const savedList = renderLinkList(activity.saved, { firstNumber: 1 });
  const readList = renderLinkList(activity.read, { firstNumber: activity.saved.length + 1 });
  const empty = activity.savedCount + activity.readCount + activity.noteCount === 0;
  const body = [
    ...section(ctx.t("today-saved"), activity.saved.length ? [savedList, ...more(ctx, activity.saved.length, activity.savedCount)] : []),
    ...section(ctx.t("today-read"), activity.read.length ? [readList, ...more(ctx, activity.read.length, activity.readCount)] : []),
    ...section(ctx.t("today-notes"), activity.notes.length ? noteLines(ctx, activity) : []),
  ];
  const text = [heading, counts, "", ...(empty ? [ctx.t("today-empty")] : body)].join("\n").trim();
  return { text, keyboard: listKeyboard(items, 1, viewId, pageOf(items.length, 0, Math.max(items.length, 1))), linkIds: items.map((l) => l.id) };
}

export const todayView: ViewKind<TodayParams> = {
  kind: "today",
  render: (ctx, params, viewId) => renderToday(ctx, params, viewId),
};
