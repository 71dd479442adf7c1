import type { BotContext } from "../telegram/context.js";
import type { UnreadArgs } from "../recall/list-args.js";
import { unreadPage } from "../store/reading.js";
import { tagList } from "../views/links.js";
import { renderLinkList } from "../views/link-list.js";
import { formatDay } from "../views/dates.js";
import { localDate } from "../time/local-date.js";
import { listKeyboard, type RenderedPage, type ViewKind } from "./views.js";

const PAGE_SIZE = 8;

async function renderUnread(ctx: BotContext, args: UnreadArgs, viewId: number, requested: number, queue: boolean): Promise<RenderedPage> {
  const { total, page, links } = await unreadPage(ctx.db, ctx.user.id, args, requested, PAGE_SIZE);
  const filter = args.tags.length > 0 ? tagList(args.tags) : "";
  if (total === 0) return { text: ctx.t(filter ? "unread-empty-filtered" : "unread-empty", { filter }), linkIds: [] };
  const heading = ctx.t(queue ? "queue-heading" : "unread-heading", {
    count: total,
    filter,
    order: ctx.t(args.oldestFirst ? "order-oldest" : "order-newest"),
  });
  const firstNumber = page.offset + 1;
  const timeZone = ctx.user.time_zone;
  const today = localDate(ctx.clock(), timeZone);
  const dayHeading = (date: string) => ctx.t("day-heading", { date: formatDay(ctx.t, date, today) });
  const list = renderLinkList(links, { firstNumber, ...(queue ? {} : { groupByDay: { timeZone, heading: dayHeading } }) });
  return {
    text: `${heading}\n\n${list}`,
    keyboard: listKeyboard(links, firstNumber, viewId, page),
    linkIds: links.map((link) => link.id),
  };
}

export const unreadView: ViewKind<UnreadArgs> = {
  kind: "unread",
  render: (ctx, args, viewId, page) => renderUnread(ctx, args, viewId, page, false),
};

export const queueView: ViewKind<UnreadArgs> = {
  kind: "queue",
  render: (ctx, args, viewId, page) => renderUnread(ctx, args, viewId, page, true),
};
