import { createI18n } from "../../src/telegram/i18n.js";
import { buildStatsReport, type StatsHistory, type StatsReport } from "../../src/stats/report.js";
import type { Translate } from "../../src/views/translate.js";

const i18n = createI18n();
export const english: Translate = (key, variables) => i18n.t("en", key, variables);
export const chinese: Translate = (key, variables) => i18n.t("zh", key, variables);

const DAY = 86_400_000;
// Thursday 3 December 2026, 10:00 in Shanghai.
export const NOW = Date.parse("2026-12-03T02:00:00Z");

/** Half a year of saving two links a day and reading three, a streak of four days, and the tags and sites given. */
export function sampleReport(overrides: Partial<StatsHistory> = {}): StatsReport {
  const days = Array.from({ length: 182 }, (_, i) => NOW - i * DAY);
  return buildStatsReport({
    now: NOW,
    timeZone: "Asia/Shanghai",
    saved: days.map((at) => ({ at, count: 2 })),
    read: days.slice(0, 60).map((at) => ({ at, count: 3 })),
    notes: days.filter((_, i) => i % 3 === 0).map((at) => ({ at, count: 1 })),
    readDays: ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"],
    backlog: 40,
    tags: [
      { name: "rust", count: 30 },
      { name: "<b>&", count: 12 },
      { name: "进程调度", count: 9 },
    ],
    sites: [
      { host: "github.com", count: 20 },
      { host: "zhuanlan.zhihu.com", count: 7 },
    ],
    ...overrides,
  });
}
