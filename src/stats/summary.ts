import { formatDate } from "../views/dates.js";
import { truncate } from "../views/html.js";
import type { Translate } from "../views/translate.js";
import { CATCH_UP_HORIZON_WEEKS } from "./projection.js";
import type { StatsReport } from "./report.js";

/** Telegram's limit for a photo's caption, counted after its HTML is parsed, so on this plain text. */
export const MAX_SUMMARY_LENGTH = 1024;
// Long enough to recognise a tag or a site; five of each keep the paragraph far below the limit.
const MAX_NAME = 32;

const sum = (report: StatsReport, field: "saved" | "read" | "notes") => report.weeks.reduce((total, week) => total + week[field], 0);

function catchUpSentence(report: StatsReport, t: Translate): string {
  const { catchUp, backlog } = report;
  if (catchUp.kind === "done") return t("stats-summary-done");
  if (catchUp.kind === "never") return t("stats-summary-never", { backlog, needed: catchUp.neededPerWeek, horizon: CATCH_UP_HORIZON_WEEKS });
  return t("stats-summary-catch-up", { backlog, date: formatDate(t, catchUp.date, report.today), weeks: catchUp.weeks });
}

function names(t: Translate, items: readonly string[]): string {
  return items.map((item) => truncate(item, MAX_NAME)).join(t("stats-list-separator"));
}

/**
 * /stats in one paragraph of plain text: the photo's caption (escaped there) and the Mini App's summary. Tag and
 * site names are cut short, and the whole is cut at Telegram's caption limit whatever the names.
 */
export function statsSummary(report: StatsReport, t: Translate): string {
  const { streak, topTags, topSites } = report;
  const sentences = [
    t("stats-summary-weeks", { saved: sum(report, "saved"), read: sum(report, "read"), notes: sum(report, "notes") }),
    ...(report.backlog > 0 ? [t("stats-summary-pace", { read: report.readPerWeek, saved: report.savedPerWeek })] : []),
    catchUpSentence(report, t),
    ...(streak.longest > 0 ? [t("stats-summary-streak", { current: streak.current, longest: streak.longest })] : []),
    ...(topTags.length > 0
      ? [
          t("stats-summary-tags", {
            tags: names(
              t,
              topTags.map((tag) => `#${tag.name}`),
            ),
          }),
        ]
      : []),
    ...(topSites.length > 0
      ? [
          t("stats-summary-sites", {
            sites: names(
              t,
              topSites.map((site) => site.site),
            ),
          }),
        ]
      : []),
  ];
  return truncate(sentences.join(t("stats-sentence-gap")), MAX_SUMMARY_LENGTH);
}
