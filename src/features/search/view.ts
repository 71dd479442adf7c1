import type { BotContext } from "../../telegram/context.js";
import { searchLinks } from "../../store/search.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { renderLinkList } from "../../views/link-list.js";
import { MAX_QUERY_LENGTH, MAX_TERMS } from "../../search/query.js";
import { listKeyboard, type RenderedPage, type ViewKind } from "../../lists/views.js";

export interface SearchParams {
  query: string;
}

const PAGE_SIZE = 8;
// The query is repeated in the header; a pasted paragraph must not crowd out the results.
const MAX_QUERY_SHOWN = 60;

/** Search results: a header with the count, then the links with where the words occur, ✅/↩️ and page buttons. */
export const searchView: ViewKind<SearchParams> = {
  kind: "search",
  async render(ctx: BotContext, { query }: SearchParams, viewId: number, requested: number): Promise<RenderedPage> {
    const shown = escapeHtml(truncate(query, MAX_QUERY_SHOWN));
    const { total, more, shortened, page, links, snippets } = await searchLinks(ctx.db, ctx.user.id, query, requested, PAGE_SIZE);
    // Said in the reply, so that a result list is not taken for the answer to words that were not searched.
    const note = shortened ? `\n${ctx.t("search-shortened", { max: MAX_TERMS, length: MAX_QUERY_LENGTH })}` : "";
    if (total === 0) return { text: `${ctx.t("search-nothing", { query: shown })}${note}`, linkIds: [] };
    const firstNumber = page.offset + 1;
    const list = renderLinkList(links, { firstNumber, extraLine: (link) => snippets.get(link.id) });
    return {
      // "1000+ links": the header's plural form is chosen by the count, and a string takes the plural one.
      text: `${ctx.t("search-header", { count: more ? `${total}+` : total, query: shown })}${note}\n\n${list}`,
      keyboard: listKeyboard(links, firstNumber, viewId, page),
      linkIds: links.map((link) => link.id),
    };
  },
};
