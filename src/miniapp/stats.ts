import type { DB } from "../db/connection.js";
import type { User } from "../db/schema.js";
import { statsChartSvg } from "../stats/chart-svg.js";
import { toJson } from "../stats/report.js";
import { statsSummary } from "../stats/summary.js";
import { loadStatsReport } from "../store/stats.js";
import type { Translate } from "../views/translate.js";
import type { StatsResponse } from "./api-types.js";

/** api/stats: /stats's figures, chart and caption, the chart in its phone layout and left to the page's theme to colour. */
export async function statsResponse(db: DB, user: User, t: Translate, now: number): Promise<StatsResponse> {
  const report = await loadStatsReport(db, user, now);
  return { svg: statsChartSvg(report, t, { layout: "phone" }), summary: statsSummary(report, t), report: toJson(report) };
}
