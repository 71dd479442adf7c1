import { addDays, parseLocalDate, type LocalDate } from "../time/local-date.js";
import { formatDate } from "../views/dates.js";
import type { Translate } from "../views/translate.js";
import { below, LAYOUTS, type Layout, type LayoutName, type PanelBox } from "./chart-layout.js";
import type { StatsReport } from "./report.js";
import { element, fitText, text, textWidth, ticks } from "./svg.js";

/**
 * The /stats chart as SVG: saved and read per week (bars) with notes (dots), the unread backlog (a line) with its
 * projection (dashed), and a panel of streak, top tags and top sites. Colours come from CSS classes only, so the
 * Mini App styles the same picture with Telegram's theme; the PNG gets `LIGHT_STYLE` inline. Drawn for a phone:
 * the picture is 1280 × 960 shown at about a third of that, so no text is smaller than 24 units; the "phone"
 * layout (chart-layout.ts) is the Mini App's, 720 wide inline on the page, with only the two plots and the legend.
 */
export const CHART_WIDTH = LAYOUTS.picture.width;
export const CHART_HEIGHT = LAYOUTS.picture.height;

// The CJK fonts first: their Latin letters are fine, and a Chinese label never falls back to boxes.
const FONT_FAMILY = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Noto Sans', 'DejaVu Sans', sans-serif";

const LIGHT_STYLE = `
.background { fill: #ffffff; }
text { fill: #1f2328; }
.muted, .label { fill: #656d76; }
.grid { stroke: #d8dee4; }
.saved { fill: #f4a340; }
.read { fill: #2da44e; }
.notes { fill: #8250df; }
.backlog { stroke: #0969da; }
.backlog-dot { fill: #0969da; }
.projection { stroke: #0969da; }
.future { fill: #f1f5fb; }`;

export interface ChartOptions {
  /** Put a light palette in a <style> block (for the PNG); without it the page's CSS colours the classes. */
  inlineStyle?: boolean;
  /** "picture" (the default) for the PNG /stats sends; "phone" for the Mini App, narrower and without the title or the bottom panel. */
  layout?: LayoutName;
}

const FUTURE_WEEKS = 8;
const LABEL = 24;
const HEADING = 26;

type Plot = Pick<PanelBox, "top" | "bottom">;

const scale = (plot: Plot, max: number) => (value: number) => plot.bottom - (value / max) * (plot.bottom - plot.top);

/** An axis month as short as the language writes it ("Nov", "11月"): views/dates.ts has only "November 2026". */
function monthName(t: Translate, date: LocalDate): string {
  const { year, month } = parseLocalDate(date)!;
  let locale = t("date-locale");
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf(locale).length === 0) locale = "en-US";
  } catch {
    // Not a language tag at all (a stand-in translation that returns the key).
    locale = "en-US";
  }
  return new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(Date.UTC(year, month - 1, 1));
}

/** Grid lines and their values on the left. */
function yAxis(layout: Layout, plot: Plot, values: readonly number[]): string[] {
  const y = scale(plot, values.at(-1)!);
  return values.flatMap((value) => [
    element("line", { class: "grid", x1: layout.left, x2: layout.right, y1: y(value), y2: y(value), "stroke-width": 1 }),
    text(String(value), { class: "label", x: layout.left - 14, y: y(value) + 8, "font-size": LABEL, "text-anchor": "end" }),
  ]);
}

/**
 * The month under the first week that starts in it, where there is room since the last one (whose label must
 * not run into it) and before the chart's right edge.
 */
function monthLabels(t: Translate, layout: Layout, starts: readonly LocalDate[], slot: number, y: number): string[] {
  const labels: string[] = [];
  let lastX = -Infinity;
  let lastWidth = 0;
  starts.forEach((start, i) => {
    const x = layout.left + i * slot;
    if (i > 0 && start.slice(0, 7) === starts[i - 1]!.slice(0, 7)) return;
    const name = monthName(t, start);
    const width = textWidth(name, LABEL);
    if (x - lastX < Math.max(layout.monthSpacing, lastWidth + 12) || x + width > layout.width) return;
    labels.push(text(name, { class: "label", x, y, "font-size": LABEL }));
    lastX = x;
    lastWidth = width;
  });
  return labels;
}

function heading(content: string, x: number, y: number, anchor = "start"): string {
  return text(content, { class: "heading", x, y, "font-size": HEADING, "font-weight": "bold", "text-anchor": anchor });
}

function weeklyPanel(report: StatsReport, t: Translate, layout: Layout): string[] {
  const { left, right, weekly: plot } = layout;
  const slot = (right - left) / report.weeks.length;
  const values = ticks(Math.max(...report.weeks.flatMap((w) => [w.saved, w.read, w.notes])), 4);
  const y = scale(plot, values.at(-1)!);
  const bar = slot * 0.36;
  const bars = report.weeks.flatMap((week, i) => {
    const x = left + i * slot + slot * 0.12;
    return [
      ...(week.saved > 0 ? [element("rect", { class: "saved", x, y: y(week.saved), width: bar, height: plot.bottom - y(week.saved), rx: 2 })] : []),
      ...(week.read > 0 ? [element("rect", { class: "read", x: x + bar + 2, y: y(week.read), width: bar, height: plot.bottom - y(week.read), rx: 2 })] : []),
      ...(week.notes > 0 ? [element("circle", { class: "notes", cx: left + (i + 0.5) * slot, cy: y(week.notes), r: 6 })] : []),
    ];
  });
  return [
    heading(t("stats-chart-weekly"), layout.margin, plot.heading),
    ...yAxis(layout, plot, values),
    ...bars,
    ...monthLabels(
      t,
      layout,
      report.weeks.map((w) => w.start),
      slot,
      plot.bottom + 32,
    ),
  ];
}

type Point = [x: number, value: number];

/** Where the dashed projection goes from now: to zero when that is on the chart, else to its right edge. */
function projection(report: StatsReport, now: Point, slot: number, right: number): Point | null {
  if (report.catchUp.kind === "done") return null;
  const net = report.readPerWeek - report.savedPerWeek;
  const weeksLeft = (right - now[0]) / slot;
  if (net > 0 && now[1] / net <= weeksLeft) return [now[0] + (now[1] / net) * slot, 0];
  return [right, Math.max(0, now[1] - net * weeksLeft)];
}

function projectionNote(report: StatsReport, t: Translate): string {
  const { catchUp } = report;
  if (catchUp.kind === "done") return t("stats-chart-done");
  if (catchUp.kind === "never") return t("stats-chart-never", { needed: catchUp.neededPerWeek });
  return t("stats-chart-catch-up", { date: formatDate(t, catchUp.date, report.today) });
}

/**
 * The projection note, beside the backlog's heading on the right or on a line of its own under it, cut to the
 * room it has (the caption says it in full).
 */
function noteText(content: string, title: string, layout: Layout): string {
  const room = layout.note.beside ? layout.right - layout.margin - textWidth(title, HEADING) - 40 : layout.width - 2 * layout.margin;
  const x = layout.note.beside ? layout.right : layout.margin;
  return text(fitText(content, LABEL, room), { class: "note", x, y: layout.note.y, "font-size": LABEL, "text-anchor": layout.note.beside ? "end" : "start" });
}

function backlogPanel(report: StatsReport, t: Translate, layout: Layout): string[] {
  const { left, right, backlog: plot } = layout;
  const { weeks } = report;
  const slot = (right - left) / (weeks.length + FUTURE_WEEKS);
  const first = weeks[0]!;
  const daysIntoWeek = (Date.parse(report.today) - Date.parse(weeks.at(-1)!.start)) / 86_400_000 + 1;
  const points: Point[] = [
    [left, Math.max(0, first.backlog - first.saved + first.read)],
    ...weeks.map((week, i): Point => [left + (i === weeks.length - 1 ? i + daysIntoWeek / 7 : i + 1) * slot, week.backlog]),
  ];
  const now = points.at(-1)!;
  const end = projection(report, now, slot, right);
  const values = ticks(Math.max(...points.map((p) => p[1]), end?.[1] ?? 0), 3);
  const y = scale(plot, values.at(-1)!);
  const futureX = left + weeks.length * slot;
  const starts = Array.from({ length: weeks.length + FUTURE_WEEKS }, (_, i) => addDays(first.start, 7 * i));
  return [
    heading(t("stats-chart-backlog"), layout.margin, plot.heading),
    noteText(projectionNote(report, t), t("stats-chart-backlog"), layout),
    element("rect", { class: "future", x: futureX, y: plot.top, width: right - futureX, height: plot.bottom - plot.top }),
    ...yAxis(layout, plot, values),
    element("polyline", {
      class: "backlog",
      points: points.map(([x, value]) => `${Math.round(x)},${Math.round(y(value))}`).join(" "),
      fill: "none",
      "stroke-width": 4,
      "stroke-linejoin": "round",
    }),
    ...(end
      ? [element("line", { class: "projection", x1: now[0], y1: y(now[1]), x2: end[0], y2: y(end[1]), "stroke-width": 4, "stroke-dasharray": "12 9" })]
      : []),
    element("circle", { class: "backlog-dot", cx: now[0], cy: y(now[1]), r: 7 }),
    ...monthLabels(t, layout, starts, slot, plot.bottom + 32),
  ];
}

/** The legend from the left margin, onto a new row where an item would pass the right one; and how many rows it took. */
function legend(t: Translate, layout: Layout): { parts: string[]; rows: number } {
  const items: [string, string][] = [
    ["saved", t("stats-legend-saved")],
    ["read", t("stats-legend-read")],
    ["notes", t("stats-legend-notes")],
    ["backlog", t("stats-legend-backlog")],
    ["projection", t("stats-legend-projection")],
  ];
  let x = layout.margin;
  let y = layout.legend;
  let rows = 1;
  const parts = items.flatMap(([kind, label]) => {
    const width = 42 + textWidth(label, LABEL);
    if (x > layout.margin && x + width > layout.width - layout.margin) {
      x = layout.margin;
      y += layout.legendRow;
      rows += 1;
    }
    const swatch =
      kind === "notes"
        ? element("circle", { class: kind, cx: x + 14, cy: y - 8, r: 8 })
        : kind === "backlog" || kind === "projection"
          ? element("line", {
              class: kind,
              x1: x,
              x2: x + 32,
              y1: y - 8,
              y2: y - 8,
              "stroke-width": 4,
              ...(kind === "projection" ? { "stroke-dasharray": "8 6" } : {}),
            })
          : element("rect", { class: kind, x, y: y - 20, width: 28, height: 24, rx: 3 });
    const item = [swatch, text(label, { class: "label", x: x + 42, y, "font-size": LABEL })];
    x += width + 40;
    return item;
  });
  return { parts, rows };
}

/** A column of the bottom panel: a heading and rows of a name and its count, names cut to fit. */
function ranking(title: string, rows: readonly { name: string; count: number }[], empty: string, x: number, width: number, top: number): string[] {
  const lines = rows.flatMap(({ name, count }, i) => {
    const y = top + 78 + i * 32;
    const countText = String(count);
    const room = width - textWidth(countText, LABEL) - 16;
    return [
      text(fitText(name, LABEL, room), { x, y, "font-size": LABEL }),
      text(countText, { class: "muted", x: x + width, y, "font-size": LABEL, "text-anchor": "end" }),
    ];
  });
  return [heading(title, x, top + 40), ...(rows.length > 0 ? lines : [text(empty, { class: "muted", x, y: top + 78, "font-size": LABEL })])];
}

/** Streak, top tags and top sites in three columns from `top` down: the picture's alone (the page has them as tiles). */
function bottomPanel(report: StatsReport, t: Translate, layout: Layout, top: number): string[] {
  const { streak } = report;
  const { margin, right } = layout;
  return [
    element("line", { class: "grid", x1: margin, x2: right, y1: top, y2: top, "stroke-width": 2 }),
    heading(t("stats-streak"), margin, top + 40),
    text(t("stats-streak-days", { days: streak.current }), { class: "value", x: margin, y: top + 106, "font-size": 52, "font-weight": "bold" }),
    text(t("stats-streak-longest", { days: streak.longest }), { class: "muted", x: margin, y: top + 148, "font-size": LABEL }),
    ...ranking(
      t("stats-top-tags"),
      report.topTags.map((tag) => ({ name: `#${tag.name}`, count: tag.count })),
      t("stats-top-none"),
      420,
      360,
      top,
    ),
    ...ranking(
      t("stats-top-sites"),
      report.topSites.map((site) => ({ name: site.site, count: site.count })),
      t("stats-top-none"),
      850,
      right - 850,
      top,
    ),
  ];
}

export function statsChartSvg(report: StatsReport, t: Translate, options: ChartOptions = {}): string {
  const name = options.layout ?? "picture";
  const key = legend(t, LAYOUTS[name]);
  const layout = below(LAYOUTS[name], (key.rows - 1) * LAYOUTS[name].legendRow);
  const { width, height } = layout;
  const parts = [
    ...(options.inlineStyle ? [`<style>${LIGHT_STYLE}\n</style>`] : []),
    element("rect", { class: "background", x: 0, y: 0, width, height }),
    ...(layout.title === null
      ? []
      : [text(t("stats-chart-title"), { class: "title", x: layout.margin, y: layout.title, "font-size": 40, "font-weight": "bold" })]),
    ...key.parts,
    ...weeklyPanel(report, t, layout),
    ...backlogPanel(report, t, layout),
    ...(layout.bottomPanel === null ? [] : bottomPanel(report, t, layout, layout.bottomPanel)),
  ];
  const root = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${FONT_FAMILY}">`;
  return [root, ...parts, "</svg>"].join("\n");
}
