import { describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH, statsChartSvg } from "../../src/stats/chart-svg.js";
import { chinese, english, sampleReport } from "./report-fixture.js";

/** The texts of the chart as a reader sees them, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1]!
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

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
