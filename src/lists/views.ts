import { InlineKeyboard } from "grammy";
import type { BotContext } from "../telegram/context.js";
import { rememberLinkMessage } from "../store/links.js";
import { createView, findView, rememberShown } from "../store/list-views.js";
import type { ListedLink } from "../recall/listed-link.js";
import type { Page } from "../recall/pagination.js";
import { listCallback } from "./callback-data.js";

/** One page of a list, ready to send or to edit into the message in place. */
export interface RenderedPage {
  text: string;
  keyboard?: InlineKeyboard;
  /** The links the page shows: a reply to the message becomes a note on one of them. */
  linkIds: number[];
  /** What to remember of the page, so that ✅ and ↩️ redraw the same rows (views that have no such buttons leave it out). */
  shown?: ShownPage;
}

/**
 * A page as the message shows it: which page of how many, and its rows (`ids`: the links, in order; `more`: what
 * else a view keeps, such as the notes of a day). A ✅ or ↩️ redraws exactly these rows, so a row marked read stays
 * where it was (struck through, with ↩️ to take it back) and the numbers after it do not move; ◀ ▶ and the
 * page number ask the list again.
 */
export interface ShownPage {
  index: number;
  count: number;
  ids: number[];
  more?: Record<string, number[]>;
}

/** A kind of paginated list (unread, search results, …): renders page `page` of the list `params` describes. */
export interface ViewKind<P = any> {
  kind: string;
  /** With `shown`, the rows of that page as it was drawn, in their state now; without it, the list asked again. */
  render(ctx: BotContext, params: P, viewId: number, page: number, shown?: ShownPage): Promise<RenderedPage>;
}

const ITEMS_PER_ROW = 5;

/**
 * The numbers of a page's rows: consecutive from `firstNumber`, or, for a page drawn again from `shown`, each
 * link's place in it (a link deleted meanwhile leaves its number out rather than moving the others).
 */
export function rowNumbers(links: readonly ListedLink[], firstNumber: number, shown?: ShownPage): number[] {
  return links.map((link, i) => firstNumber + (shown ? shown.ids.indexOf(link.id) : i));
}

/** ✅ (or ↩️ for read links) per item, then ◀ ▶ when there are other pages. */
export function listKeyboard(links: readonly ListedLink[], firstNumber: number, viewId: number, page: Page, numbers?: readonly number[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  links.forEach((link, i) => {
    if (i > 0 && i % ITEMS_PER_ROW === 0) keyboard.row();
    const number = numbers?.[i] ?? firstNumber + i;
    if (link.read_at === null) keyboard.text(`✅ ${number}`, listCallback.read(link.id, viewId, page.index));
    else keyboard.text(`↩️ ${number}`, listCallback.unread(link.id, viewId, page.index));
  });
  return addPageButtons(keyboard, viewId, page);
}

/** ◀ n/N ▶ on a row of its own, only when the list has more than one page. */
export function addPageButtons(keyboard: InlineKeyboard, viewId: number, page: Page): InlineKeyboard {
  if (page.count <= 1) return keyboard;
  keyboard.row();
  if (page.hasPrevious) keyboard.text("◀", listCallback.page(viewId, page.index - 1));
  keyboard.text(`${page.index + 1}/${page.count}`, listCallback.page(viewId, page.index));
  if (page.hasNext) keyboard.text("▶", listCallback.page(viewId, page.index + 1));
  return keyboard;
}

export class ViewRegistry {
  private readonly kinds = new Map<string, ViewKind>();

  add(kind: ViewKind): this {
    this.kinds.set(kind.kind, kind);
    return this;
  }

  /** Stores the list's filters, then sends its first page as a new message. */
  async send<P>(ctx: BotContext, kind: ViewKind<P>, params: P): Promise<void> {
    const viewId = await createView(ctx.db, ctx.user.id, kind.kind, params, ctx.clock());
    const page = await kind.render(ctx, params, viewId, 0);
    const sent = await ctx.reply(page.text, { reply_markup: page.keyboard });
    await rememberLinkMessage(ctx.db, sent.chat.id, sent.message_id, page.linkIds);
    if (page.shown) await rememberShown(ctx.db, ctx.user.id, viewId, page.shown);
  }

  /** Stores a new list and shows its first page in the pressed message (/today's ◀ previous day). */
  async replace<P>(ctx: BotContext, kind: ViewKind<P>, params: P): Promise<void> {
    const viewId = await createView(ctx.db, ctx.user.id, kind.kind, params, ctx.clock());
    const page = await kind.render(ctx, params, viewId, 0);
    await editInPlace(ctx, page);
    if (page.shown) await rememberShown(ctx.db, ctx.user.id, viewId, page.shown);
  }

  /** The stored params of the user's view `viewId` of this kind, or undefined. */
  async paramsOf<P>(ctx: BotContext, kind: ViewKind<P>, viewId: number): Promise<P | undefined> {
    const view = await findView(ctx.db, ctx.user.id, viewId);
    return view?.kind === kind.kind ? (view.params as P) : undefined;
  }

  /**
   * Re-renders page `page` of a stored view into the pressed message, asking the list again; false when the view
   * is unknown to this user. With `keepRows` (after ✅ or ↩️), the rows the message shows are drawn again instead,
   * in their new state, when the button is of the page the view remembers.
   */
  async redraw(ctx: BotContext, viewId: number, page: number, { keepRows = false } = {}): Promise<boolean> {
    const view = await findView(ctx.db, ctx.user.id, viewId);
    const kind = view && this.kinds.get(view.kind);
    if (!view || !kind) return false;
    const shown = keepRows ? asShownPage(view.shown) : undefined;
    const kept = shown?.index === page ? shown : undefined;
    const rendered = await kind.render(ctx, view.params, view.id, page, kept);
    await editInPlace(ctx, rendered);
    if (!kept && rendered.shown) await rememberShown(ctx.db, ctx.user.id, view.id, rendered.shown);
    return true;
  }
}

const isIds = (value: unknown): value is number[] => Array.isArray(value) && value.every((id) => Number.isSafeInteger(id));

/** The stored page, when it has the shape this code writes (a view of old has none). */
function asShownPage(value: unknown): ShownPage | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { index, count, ids, more } = value as Partial<ShownPage>;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || !isIds(ids)) return undefined;
  if (more !== undefined && (typeof more !== "object" || more === null || !Object.values(more).every(isIds))) return undefined;
  return { index: index!, count: count!, ids, ...(more ? { more } : {}) };
}

/** Edits the pressed message; an identical page (a double tap) is not an error. */
export async function editInPlace(ctx: BotContext, page: RenderedPage): Promise<void> {
  try {
    await ctx.editMessageText(page.text, { reply_markup: page.keyboard });
  } catch (error) {
    if (!String(error).includes("message is not modified")) throw error;
  }
  const message = ctx.callbackQuery?.message;
  if (message) await rememberLinkMessage(ctx.db, message.chat.id, message.message_id, page.linkIds);
}
