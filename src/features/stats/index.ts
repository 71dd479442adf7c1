import { Composer, InputFile } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { withLibraryButton } from "../../telegram/library-button.js";
import { loadStatsReport } from "../../store/stats.js";
import { CHART_WIDTH, statsChartSvg } from "../../stats/chart-svg.js";
import { isEmpty } from "../../stats/report.js";
import { statsSummary } from "../../stats/summary.js";
import { svgToPng } from "../../png/svg-to-png.js";
import { escapeHtml } from "../../views/html.js";

/** /stats: the chart of the last 26 weeks as a picture, its figures in the caption; words alone for a user with no links. */
export function statsFeature() {
  const feature = new Composer<BotContext>();
  feature.command("stats", async (ctx) => {
    const report = await loadStatsReport(ctx.db, ctx.user, ctx.clock());
    if (isEmpty(report)) return await ctx.reply(ctx.t("stats-empty"), { reply_markup: withLibraryButton(ctx) });
    // Drawing takes a few hundred milliseconds: the chat shows "sending a photo" meanwhile.
    await ctx.replyWithChatAction("upload_photo");
    const png = await svgToPng(statsChartSvg(report, ctx.t, { inlineStyle: true }), { width: CHART_WIDTH, logger: ctx.logger });
    await ctx.replyWithPhoto(new InputFile(png, "stats.png"), { caption: escapeHtml(statsSummary(report, ctx.t)), reply_markup: withLibraryButton(ctx) });
  });
  return feature;
}
