import type { BotContext } from "../telegram/context.js";
import type { ReadArgs, ReadPeriod } from "../recall/list-args.js";
import { countRead, listedLinks, readPage, type ReadFilter } from "../store/reading.js";
import { pageAt } from "../recall/pagination.js";
import { tagList } from "../views/links.js";
import { renderLinkList } from "../views/link-list.js";
import { formatDay, formatDayName, formatDayRange } from "../views/dates.js";
import { localDate, localDayRange, type LocalDate } from "../time/local-date.js";
import type { Translate } from "../views/translate.js";
import { listKeyboard, rowNumbers, type RenderedPage, type ShownPage, type ViewKind } from "./views.js";

const PAGE_SIZE = 8;

export interface ReadViewParams extends ReadArgs {
  /** `/read` typed without words by someone with unread links: say where the reading queue went. */
  hint?: boolean;
}

/** The filter of the store's query: the period's local days as instants in the user's zone. */
function filterOf({ tags, period }: ReadArgs, timeZone: string): ReadFilter {
  if (period.kind === "all") return { tags };
  const [first, last] = period.kind === "day" ? [period.date, period.date] : [period.from, period.to];
  return { tags, range: { start: localDayRange(first, timeZone).start, end: localDayRange(last, timeZone).end } };
}

/** "past 7 days", "Wed, Nov 20": the period as the heading says it (nothing for all time). */
function periodWords(t: Translate, period: ReadPeriod, today: LocalDate): string {
  if (period.kind === "all") return "";
  if (period.kind === "day") return t("read-period-day", { date: formatDay(t, period.date, today) });
  return t(period.kind === "week" ? "read-period-week" : "read-period-month", { range: formatDayRange(t, period.from, period.to, today) });
}

/** `/read`: what the user has read, last read first, grouped by the day it was read; ↩️ puts one back in the queue. */
async function renderRead(ctx: BotContext, params: ReadViewParams, viewId: number, requested: number, shown?: ShownPage): Promise<RenderedPage> {
  const timeZone = ctx.user.time_zone;
  const filter = filterOf(params, timeZone);
  const { total, page, links } = shown
    ? {
        total: await countRead(ctx.db, ctx.user.id, filter),
        page: pageAt(shown.index, shown.count, PAGE_SIZE),
        links: await listedLinks(ctx.db, ctx.user.id, shown.ids),
      }
    : await readPage(ctx.db, ctx.user.id, filter, requested, PAGE_SIZE);
  if (shown && links.length === 0 && total > 0) return await renderRead(ctx, params, viewId, requested);
  const today = localDate(ctx.clock(), timeZone);
  const hint = params.hint ? `\n\n${ctx.t("read-queue-hint")}` : "";
  const words = [tagList(params.tags), periodWords(ctx.t, params.period, today)].filter(Boolean).join(" · ");
  if (links.length === 0) return { text: ctx.t(words ? "read-empty-filtered" : "read-empty", { filter: words }) + hint, linkIds: [] };
  const firstNumber = page.offset + 1;
  const numbers = rowNumbers(links, firstNumber, shown);
  const dayHeading = (date: string) => ctx.t("day-heading", { date: formatDayName(ctx.t, date, today) });
  const list = renderLinkList(links, {
    firstNumber,
    numbers,
    // Put back in the queue from this page: struck through until the list is asked for again.
    struck: (link) => link.read_at === null,
    groupByDay: { timeZone, heading: dayHeading, timeOf: (link) => link.read_at },
  });
  return {
    text: `${ctx.t("read-heading", { count: total, filter: words })}\n\n${list}${hint}`,
    keyboard: listKeyboard(links, firstNumber, viewId, page, numbers),
    linkIds: links.map((link) => link.id),
    shown: { index: page.index, count: page.count, ids: shown?.ids ?? links.map((link) => link.id) },
  };
}

export const readView: ViewKind<ReadViewParams> = {
  kind: "read",
  render: (ctx, params, viewId, page, shown) => renderRead(ctx, params, viewId, page, shown),
};
