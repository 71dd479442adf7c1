import { describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH, statsChartSvg } from "../../src/stats/chart-svg.js";
import { textWidth } from "../../src/stats/svg.js";
import type { Translate } from "../../src/views/translate.js";
import { chinese, english, NOW, sampleReport } from "./report-fixture.js";

const decode = (content: string) =>
  content
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The texts of the chart as a reader sees them, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => decode(match[1]!));
}

/** Each text with where it runs from and to along its baseline, by the chart's own estimate of text widths. */
function spans(svg: string): { content: string; y: number; from: number; to: number }[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, raw]) => {
    const attr = (name: string) => attrs!.match(new RegExp(` ${name}="([^"]*)"`))?.[1];
    const content = decode(raw!);
    const x = Number(attr("x"));
    const width = textWidth(content, Number(attr("font-size")));
    const anchor = attr("text-anchor") ?? "start";
    const from = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
    return { content, y: Number(attr("y")), from, to: from + width };
  });
}

const viewBox = (svg: string) =>
  svg
    .match(/viewBox="0 0 (\d+) (\d+)"/)!
    .slice(1)
    .map(Number) as [number, number];

describe("the stats chart", () => {
  it("escapes tag and site names, which reach the picture as the user typed them", () => {
    const svg = statsChartSvg(sampleReport(), english);
    expect(svg).toContain("#&lt;b&gt;&amp;");
    expect(svg).not.toContain("<b>");
    expect(texts(svg)).toEqual(expect.arrayContaining(["#<b>&", "#rust", "github.com", "zhuanlan.zhihu.com", "30"]));
  });

  it("draws 26 weeks of saved and read bars, notes as dots, and the backlog line with its projection dashed", () => {
    const svg = statsChartSvg(sampleReport(), english);
    // One a week, and the legend's.
    expect(svg.match(/<rect class="saved"/g)).toHaveLength(27);
    expect(svg.match(/<rect class="read"/g)!.length).toBeGreaterThan(5);
    expect(svg).toMatch(/<circle class="notes"/);
    expect(svg).toMatch(/<polyline class="backlog"/);
    expect(svg).toMatch(/<line class="projection"[^>]*stroke-dasharray/);
    expect(texts(svg)).toEqual(expect.arrayContaining(["Your reading, last 26 weeks", "Reading streak", "4 days", "longest 4", "Top tags", "Top sites"]));
    // Months along the weeks, and the weeks to come beside the backlog.
    expect(texts(svg)).toEqual(expect.arrayContaining(["Jun", "Jul", "Nov", "Dec", "Jan"]));
  });

  it("speaks Chinese with a Chinese translation, and says a backlog that never clears in Chinese words", () => {
    const svg = statsChartSvg(sampleReport({ read: [] }), chinese);
    expect(texts(svg)).toEqual(expect.arrayContaining(["近 26 周的阅读", "连续阅读", "4 天", "常用标签", "常看网站", "12月"]));
    expect(texts(svg)).toContain("照这个速度永远读不完：每周需读 18 篇");
  });

  it("leaves the colours to CSS classes, with the light palette inline only when asked (for the PNG)", () => {
    const page = statsChartSvg(sampleReport(), english);
    expect(page).not.toContain("<style>");
    expect(page).not.toMatch(/fill="#/);
    const png = statsChartSvg(sampleReport(), english, { inlineStyle: true });
    expect(png).toMatch(/<style>[^<]*\.saved \{ fill: #[0-9a-f]{6}; \}/);
    expect(png).toContain(`viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"`);
    expect(png).toContain("WenQuanYi Micro Hei");
  });

  it("names no date for a backlog already cleared, and draws no projection", () => {
    const svg = statsChartSvg(sampleReport({ backlog: 0 }), english);
    expect(texts(svg)).toContain("All read");
    expect(svg.match(/<line class="projection"/g)).toHaveLength(1);
  });

  it("keeps every text at 24 units or more, readable on a phone", () => {
    const sizes = [...statsChartSvg(sampleReport(), chinese).matchAll(/font-size="(\d+)"/g)].map((match) => Number(match[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  });
});

describe("the stats chart's phone layout, for the Mini App", () => {
  const phone = (report = sampleReport(), t: Translate = english) => statsChartSvg(report, t, { layout: "phone" });
  const reports = {
    sample: sampleReport(),
    "never caught up": sampleReport({ read: [] }),
    "a backlog of thousands": sampleReport({ read: [], backlog: 4321 }),
    "all read": sampleReport({ backlog: 0 }),
  };

  it("is 720 units wide, so that its 24-unit labels are 11 px or more at the page's 358 px", () => {
    for (const t of [english, chinese]) {
      const svg = phone(sampleReport(), t);
      const [width, height] = viewBox(svg);
      expect(width).toBe(720);
      expect(height).toBeLessThan(width * 1.2);
      expect(svg).toContain(`width="${width}" height="${height}"`);
      const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((match) => Number(match[1]));
      expect((Math.min(...sizes) * 358) / width).toBeGreaterThanOrEqual(11);
    }
  });

  it("draws only the two plots and the legend: no title and no panel of streak, tags and sites (the page has them as tiles)", () => {
    const svg = phone();
    expect(svg.match(/<rect class="saved"/g)).toHaveLength(27);
    expect(svg.match(/<rect class="read"/g)!.length).toBeGreaterThan(5);
    expect(svg).toMatch(/<circle class="notes"/);
    expect(svg).toMatch(/<polyline class="backlog"/);
    expect(svg).toMatch(/<line class="projection"[^>]*stroke-dasharray/);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["Saved", "Read", "Notes", "Unread", "At this pace", "Saved and read per week", "Unread links", "Caught up by Jan 12, 2027"]),
    );
    for (const gone of ["Your reading, last 26 weeks", "Reading streak", "4 days", "longest 4", "Top tags", "Top sites", "#rust", "github.com"]) {
      expect(texts(svg)).not.toContain(gone);
    }
    expect(svg).not.toMatch(/class="(title|value)"/);
  });

  it("speaks Chinese with a Chinese translation, the never-caught-up note in full", () => {
    const svg = phone(sampleReport({ read: [] }), chinese);
    expect(texts(svg)).toEqual(expect.arrayContaining(["每周保存与读完", "未读链接", "保存", "按当前速度", "6月", "12月", "1月"]));
    expect(texts(svg)).toContain("照这个速度永远读不完：每周需读 18 篇");
    expect(texts(svg)).not.toContain("常用标签");
  });

  it("keeps every text whole, inside the picture and clear of the others on its line: months, legend and note, in both languages", () => {
    // And on every day of a month, so that the weeks start anywhere in one.
    const days = Array.from({ length: 31 }, (_, i) => [`${i} days later`, sampleReport({ now: NOW + i * 86_400_000 })] as const);
    for (const t of [english, chinese]) {
      for (const [name, report] of [...Object.entries(reports), ...days]) {
        const svg = phone(report, t);
        const [width] = viewBox(svg);
        const all = spans(svg);
        for (const span of all)
          expect({ name, ...span, inside: span.from >= 0 && span.to <= width, whole: !span.content.endsWith("…") }).toMatchObject({
            inside: true,
            whole: true,
          });
        for (const [i, a] of all.entries()) {
          for (const b of all.slice(i + 1)) {
            if (a.y !== b.y) continue;
            expect({ name, a: a.content, b: b.content, apart: a.to <= b.from || b.to <= a.from }).toMatchObject({ apart: true });
          }
        }
        // The month labels under both plots, at least five of them each.
        const rows = new Map<number, number>();
        for (const span of all.filter((span) => /^(\d{1,2}月|[A-Z][a-z]{2})$/.test(span.content))) rows.set(span.y, (rows.get(span.y) ?? 0) + 1);
        expect([...rows.values()].map((count) => count >= 5)).toEqual([true, true]);
      }
    }
  });

  it("wraps the legend onto a second row where it is too wide, and moves the plots down to make room", () => {
    const en = phone(sampleReport(), english);
    const zh = phone(sampleReport(), chinese);
    const legendRows = (svg: string) =>
      new Set(
        spans(svg)
          .filter((span) => ["Saved", "At this pace", "保存", "按当前速度"].includes(span.content))
          .map((span) => span.y),
      ).size;
    expect(legendRows(en)).toBe(2);
    expect(legendRows(zh)).toBe(1);
    expect(viewBox(en)[1]).toBe(viewBox(zh)[1] + 40);
  });

  it("escapes what it writes, and leaves colours to the page's CSS, which forbids style attributes and elements", () => {
    const hostile: Translate = (key, variables) => (key === "stats-chart-backlog" ? "Unread <b>&" : english(key, variables));
    const svg = phone(sampleReport(), hostile);
    expect(svg).toContain("Unread &lt;b&gt;&amp;");
    expect(svg).not.toContain("<b>");
    expect(texts(svg)).toContain("Unread <b>&");
    expect(svg).not.toMatch(/<style|\sstyle=|fill="#/);
  });

  it("leaves the picture, the default, as it was", () => {
    const report = sampleReport();
    expect(statsChartSvg(report, english, { layout: "picture" })).toBe(statsChartSvg(report, english));
    expect(viewBox(statsChartSvg(report, chinese))).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });
});
