import { InlineKeyboard } from "grammy";
import type { BotContext } from "../telegram/context.js";
import { rememberLinkMessage } from "../store/links.js";
import { createView, findView } from "../store/list-views.js";
import type { ListedLink } from "../recall/listed-link.js";
import type { Page } from "../recall/pagination.js";
import { listCallback } from "./callback-data.js";

/** One page of a list, ready to send or to edit into the message in place. */
export interface RenderedPage {
  text: string;
  keyboard?: InlineKeyboard;
  /** The links the page shows: a reply to the message becomes a note on one of them. */
  linkIds: number[];
}

/** A kind of paginated list (unread, search results, …): renders page `page` of the list `params` describes. */
export interface ViewKind<P = any> {
  kind: string;
  render(ctx: BotContext, params: P, viewId: number, page: number): Promise<RenderedPage>;
}

const ITEMS_PER_ROW = 5;

/** ✅ (or ↩️ for read links) per item, then ◀ ▶ when there are other pages. */
export function listKeyboard(links: readonly ListedLink[], firstNumber: number, viewId: number, page: Page): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  links.forEach((link, i) => {
    if (i > 0 && i % ITEMS_PER_ROW === 0) keyboard.row();
    const number = firstNumber + i;
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
  }

  /** Re-renders page `page` of a stored view into the pressed message; false when the view is unknown to this user. */
  async redraw(ctx: BotContext, viewId: number, page: number): Promise<boolean> {
    const view = await findView(ctx.db, ctx.user.id, viewId);
    const kind = view && this.kinds.get(view.kind);
    if (!view || !kind) return false;
    const rendered = await kind.render(ctx, view.params, view.id, page);
    await editInPlace(ctx, rendered);
    return true;
  }
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
