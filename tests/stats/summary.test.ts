import { describe, expect, it } from "vitest";
import { statsSummary } from "../../src/stats/summary.js";
import { chinese, english, sampleReport } from "./report-fixture.js";

describe("the stats summary", () => {
  it("says the half year, the pace, the catch-up date, the streak and the favourites in one English paragraph", () => {
    const summary = statsSummary(sampleReport(), english);
    expect(summary).toBe(
      "In the last 26 weeks you saved 358 links, read 180 and wrote 60 notes. Lately you read 21 and save 14 a week. " +
        "40 links are unread; at this pace you catch up by Jan 12, 2027, in 6 weeks. Reading streak: 4 days (longest 4). " +
        "Top tags: #rust, #<b>&, #进程调度. Top sites: github.com, zhuanlan.zhihu.com.",
    );
    expect(summary).not.toContain("\n");
  });

  it("reads natively in Chinese, never-at-this-pace included", () => {
    const summary = statsSummary(sampleReport({ read: [] }), chinese);
    expect(summary).toContain("近 26 周你保存了 358 个链接，读完 0 个，写了 60 条笔记。");
    expect(summary).toContain("还有 40 个未读，照这个速度永远读不完：每周读 18 个，才能在 12 周内读完。");
    expect(summary).toContain("常用标签：#rust、#<b>&、#进程调度。");
  });

  it("stays within Telegram's 1024 characters of a caption, however long the tag and site names", () => {
    const long = "标签".repeat(300);
    const report = sampleReport({
      tags: Array.from({ length: 5 }, (_, i) => ({ name: `${long}${i}`, count: 5 - i })),
      sites: Array.from({ length: 5 }, (_, i) => ({ host: `${"a".repeat(200)}${i}.example.org`, count: 5 - i })),
    });
    for (const t of [english, chinese]) {
      const summary = statsSummary(report, t);
      expect(summary.length).toBeLessThanOrEqual(1024);
      expect(summary).toContain("…");
    }
  });

  it("tells a reader with nothing unread that they are caught up, without a pace", () => {
    const summary = statsSummary(sampleReport({ backlog: 0 }), english);
    expect(summary).toContain("Nothing is unread: you are all caught up.");
    expect(summary).not.toContain("Lately");
  });
});
