import type { StatsResponse } from "../api-types.js";
import type { AppContext } from "./context.js";
import { byId, h, replace } from "./dom.js";

/**
 * The Stats tab: /stats's chart and caption, and the numbers behind them. The chart is SVG the server drew and
 * escaped (the only markup the page inserts as such), in its phone layout: only the two plots, narrow enough to read
 * across the card, the streak, top tags and top sites being the tiles and lists below. Its parts carry CSS classes
 * that app.css colours from the theme; it has no style attributes or elements, which the page's CSP would refuse.
 */
export async function showStats(ctx: AppContext): Promise<void> {
  const { i18n } = ctx;
  const view = byId("stats-view");
  replace(view, h("div", { class: "spinner small", role: "img", "aria-label": i18n.t("app-loading") }));
  try {
    render(ctx, view, await ctx.api.stats());
  } catch (error) {
    replace(
      view,
      h(
        "div",
        { class: "placeholder" },
        h("p", {}, i18n.t("app-load-failed")),
        h("button", { type: "button", class: "button secondary", onclick: () => showStats(ctx) }, i18n.t("app-retry")),
      ),
    );
    ctx.fail(error, { quiet: true });
  }
}

function render(ctx: AppContext, view: HTMLElement, stats: StatsResponse): void {
  const { i18n } = ctx;
  const { report } = stats;
  const chart = h("figure", { class: "chart", role: "img", "aria-label": i18n.t("app-stats-chart") });
  chart.innerHTML = stats.svg;
  const tile = (label: string, value: string | number, note?: string) =>
    h(
      "div",
      { class: "tile" },
      h("span", { class: "tile-value" }, String(value)),
      h("span", { class: "tile-label" }, label),
      note && h("span", { class: "tile-note" }, note),
    );
  const ranking = (title: string, rows: { name: string; count: number }[]) =>
    rows.length > 0 &&
    h(
      "section",
      { class: "card" },
      h("h3", {}, title),
      h(
        "ol",
        { class: "ranking" },
        rows.map((row) => h("li", {}, h("span", { class: "ranking-name" }, row.name), h("span", { class: "ranking-count" }, String(row.count)))),
      ),
    );
  replace(
    view,
    h("h2", { class: "view-title" }, i18n.t("app-tab-stats")),
    h("section", { class: "card" }, chart, h("p", { class: "summary" }, stats.summary)),
    h(
      "div",
      { class: "tiles" },
      tile(i18n.t("app-stats-backlog"), report.backlog),
      tile(i18n.t("app-stats-read-per-week"), round(report.readPerWeek)),
      tile(i18n.t("app-stats-saved-per-week"), round(report.savedPerWeek)),
      tile(
        i18n.t("app-stats-streak"),
        i18n.t("app-stats-streak-days", { count: report.streak.current }),
        i18n.t("app-stats-streak-longest", { count: report.streak.longest }),
      ),
    ),
    ranking(
      i18n.t("app-stats-top-tags"),
      report.topTags.map((tag) => ({ name: `#${tag.name}`, count: tag.count })),
    ),
    ranking(
      i18n.t("app-stats-top-sites"),
      report.topSites.map((site) => ({ name: site.site, count: site.count })),
    ),
  );
}

/** Weekly rates read best with one decimal at most. */
function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
