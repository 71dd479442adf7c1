import type { BotContext } from "../telegram/context.js";
import type { UnreadArgs } from "../recall/list-args.js";
import { countUnreadTagged, listedLinks, unreadPage } from "../store/reading.js";
import { pageAt } from "../recall/pagination.js";
import { tagList } from "../views/links.js";
import { renderLinkList } from "../views/link-list.js";
import { formatDayName } from "../views/dates.js";
import { localDate } from "../time/local-date.js";
import { withLibraryButton } from "../telegram/library-button.js";
import { listKeyboard, rowNumbers, type RenderedPage, type ShownPage, type ViewKind } from "./views.js";

const PAGE_SIZE = 8;

async function renderUnread(ctx: BotContext, args: UnreadArgs, viewId: number, requested: number, queue: boolean, shown?: ShownPage): Promise<RenderedPage> {
  const { total, page, links } = shown
    ? {
        total: await countUnreadTagged(ctx.db, ctx.user.id, args.tags),
        page: pageAt(shown.index, shown.count, PAGE_SIZE),
        links: await listedLinks(ctx.db, ctx.user.id, shown.ids),
      }
    : await unreadPage(ctx.db, ctx.user.id, args, requested, PAGE_SIZE);
  // The rows drawn before are gone (deleted meanwhile): the list as it is now.
  if (shown && links.length === 0 && total > 0) return await renderUnread(ctx, args, viewId, requested, queue);
  const filter = args.tags.length > 0 ? tagList(args.tags) : "";
  if (links.length === 0) return { text: ctx.t(filter ? "unread-empty-filtered" : "unread-empty", { filter }), linkIds: [] };
  const heading = ctx.t(queue ? "queue-heading" : "unread-heading", {
    count: total,
    filter,
    order: ctx.t(args.oldestFirst ? "order-oldest" : "order-newest"),
  });
  const firstNumber = page.offset + 1;
  const numbers = rowNumbers(links, firstNumber, shown);
  const timeZone = ctx.user.time_zone;
  const today = localDate(ctx.clock(), timeZone);
  const dayHeading = (date: string) => ctx.t("day-heading", { date: formatDayName(ctx.t, date, today) });
  const list = renderLinkList(links, {
    firstNumber,
    numbers,
    // Marked read on this page: it stays, struck through, until the list is asked for again.
    struck: (link) => link.read_at !== null,
    ...(queue ? {} : { groupByDay: { timeZone, heading: dayHeading } }),
  });
  const ids = shown?.ids ?? links.map((link) => link.id);
  return {
    text: `${heading}\n\n${list}`,
    // The queue is for reading the next one here; /unread is the overview, where the whole library is a tap away.
    keyboard: queue ? listKeyboard(links, firstNumber, viewId, page, numbers) : withLibraryButton(ctx, listKeyboard(links, firstNumber, viewId, page, numbers)),
    linkIds: links.map((link) => link.id),
    shown: { index: page.index, count: page.count, ids },
  };
}

export const unreadView: ViewKind<UnreadArgs> = {
  kind: "unread",
  render: (ctx, args, viewId, page, shown) => renderUnread(ctx, args, viewId, page, false, shown),
};

export const queueView: ViewKind<UnreadArgs> = {
  kind: "queue",
  render: (ctx, args, viewId, page, shown) => renderUnread(ctx, args, viewId, page, true, shown),
};
