import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { setTimeZone } from "../../store/users.js";
import { canonicalTimeZone } from "../../time/local-date.js";
import { escapeHtml, truncate } from "../../views/html.js";

/** /timezone shows or sets the IANA zone that decides what "today" and each list's dates mean. */
export function settingsFeature() {
  const feature = new Composer<BotContext>();

  feature.command("timezone", async (ctx) => {
    const wanted = ctx.match.trim();
    if (wanted === "") return await ctx.reply(ctx.t("timezone-current", { zone: escapeHtml(ctx.user.time_zone) }), { parse_mode: "HTML" });
    const zone = canonicalTimeZone(wanted);
    if (!zone) return await ctx.reply(ctx.t("timezone-invalid", { zone: escapeHtml(truncate(wanted, 60)) }), { parse_mode: "HTML" });
    await setTimeZone(ctx.db, ctx.user.id, zone);
    await ctx.reply(ctx.t("timezone-set", { zone: escapeHtml(zone) }), { parse_mode: "HTML" });
  });
  return feature;
}
