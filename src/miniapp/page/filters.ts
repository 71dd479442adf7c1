import type { FacetsResponse } from "../api-types.js";
import type { LinkQuery } from "./api.js";
import type { AppContext } from "./context.js";
import { byId, h, icon, replace } from "./dom.js";
import type { Library } from "./library.js";
import { openSheet } from "./sheet.js";

type Filters = Pick<LinkQuery, "tags" | "site" | "from" | "to">;

/**
 * The filter sheet: tags (links with every tag picked), one site, and a range of days saved, with the counts of the
 * links in the state shown (GET api/facets). Nothing changes until "Show links", so picking three tags costs one
 * request, not three.
 */
export function openFilters(ctx: AppContext, library: Library): void {
  const { i18n } = ctx;
  const query = library.query();
  const draft: Filters = { tags: [...query.tags], site: query.site, from: query.from, to: query.to };
  const sheet = openSheet(i18n.t("app-filters-title"), i18n.t("app-close"));
  replace(sheet.body, h("div", { class: "spinner small", role: "img", "aria-label": i18n.t("app-loading") }));

  const apply = (filters: Filters) => {
    // A range typed backwards means the same days.
    const [from, to] = filters.from && filters.to && filters.from > filters.to ? [filters.to, filters.from] : [filters.from, filters.to];
    library.setQuery({ ...filters, from, to });
    sheet.close();
  };
  replace(
    sheet.footer,
    h(
      "button",
      { type: "button", class: "button secondary", onclick: () => apply({ tags: [], site: null, from: null, to: null }) },
      i18n.t("app-filters-clear"),
    ),
    h("button", { type: "button", class: "button primary", onclick: () => apply(draft) }, i18n.t("app-filters-apply")),
  );

  ctx.api.facets(query.state).then(
    (facets) => sheet.isOpen() && replace(sheet.body, ...filterSections(ctx, facets, draft)),
    (error: unknown) => {
      if (!sheet.isOpen()) return;
      replace(sheet.body, h("p", { class: "empty" }, i18n.t("app-load-failed")));
      ctx.fail(error, { quiet: true });
    },
  );
}

function filterSections(ctx: AppContext, facets: FacetsResponse, draft: Filters): HTMLElement[] {
  const { i18n } = ctx;
  // A tag or site already picked stays on offer even when no link of this state has it, so it can be unpicked.
  const tags = [...facets.tags, ...draft.tags.filter((tag) => !facets.tags.some((t) => t.name === tag)).map((name) => ({ name, count: 0 }))];
  const sites = [...facets.sites, ...(draft.site && !facets.sites.some((s) => s.site === draft.site) ? [{ site: draft.site, count: 0 }] : [])];

  const toggle = (label: string, count: number, pressed: boolean, onToggle: (on: boolean) => void) =>
    h(
      "button",
      {
        type: "button",
        class: "facet",
        "aria-pressed": String(pressed),
        onclick: (event: Event) => {
          const button = event.currentTarget as HTMLButtonElement;
          const on = button.getAttribute("aria-pressed") !== "true";
          onToggle(on);
          button.setAttribute("aria-pressed", String(on));
        },
      },
      h("span", { class: "facet-name" }, label),
      h("span", { class: "facet-count" }, String(count)),
    );

  const siteButtons: HTMLButtonElement[] = sites.map(({ site, count }) =>
    toggle(site, count, draft.site === site, (on) => {
      draft.site = on ? site : null;
      // One site at a time: every button is unpicked, then the one tapped takes its new state.
      for (const other of siteButtons) other.setAttribute("aria-pressed", "false");
    }),
  );

  const dateInput = (key: "from" | "to") =>
    h(
      "label",
      { class: "date-field" },
      h("span", {}, i18n.t(key === "from" ? "app-filters-from" : "app-filters-to")),
      h("input", {
        type: "date",
        value: draft[key] ?? "",
        onchange: (event: Event) => (draft[key] = (event.target as HTMLInputElement).value || null),
      }),
    );

  const section = (title: string, hint: string | null, ...content: (HTMLElement | false)[]) =>
    h("section", { class: "filter-section" }, h("h3", {}, title), hint && h("p", { class: "hint" }, hint), ...content);
  return [
    section(
      i18n.t("app-filters-tags"),
      tags.length > 1 ? i18n.t("app-filters-tags-hint") : null,
      tags.length > 0
        ? h(
            "div",
            { class: "facets" },
            tags.map(({ name, count }) =>
              toggle(`#${name}`, count, draft.tags.includes(name), (on) => {
                draft.tags = on ? [...draft.tags, name] : draft.tags.filter((tag) => tag !== name);
              }),
            ),
          )
        : h("p", { class: "hint" }, i18n.t("app-filters-no-tags")),
    ),
    section(i18n.t("app-filters-sites"), null, sites.length > 0 && h("div", { class: "facets" }, siteButtons)),
    section(i18n.t("app-filters-dates"), null, h("div", { class: "dates" }, dateInput("from"), dateInput("to"))),
  ];
}

/** The filters in force, under the header: each a chip that removes it, so no filter is ever invisible. */
export function renderActiveFilters(ctx: AppContext, library: Library, query: LinkQuery): void {
  const { i18n } = ctx;
  const holder = byId("active-filters");
  const chip = (label: string, change: Partial<LinkQuery>) =>
    h(
      "button",
      {
        type: "button",
        class: "filter-chip",
        "aria-label": i18n.t("app-filter-remove", { name: label }),
        onclick: () => library.setQuery(change),
      },
      label,
      icon("close", 14),
    );
  const range = query.from || query.to ? `${query.from ?? "…"} – ${query.to ?? "…"}` : null;
  const chips = [
    ...query.tags.map((tag) => chip(`#${tag}`, { tags: query.tags.filter((t) => t !== tag) })),
    query.site && chip(query.site, { site: null }),
    range && chip(range, { from: null, to: null }),
  ].filter((element): element is HTMLButtonElement => Boolean(element));
  replace(holder, ...chips);
  holder.hidden = chips.length === 0;
  const badge = byId("filters-badge");
  badge.textContent = String(chips.length);
  badge.hidden = chips.length === 0;
  byId("filters-button").setAttribute("aria-label", chips.length > 0 ? i18n.t("app-filters-active", { count: chips.length }) : i18n.t("app-filters-button"));
}
