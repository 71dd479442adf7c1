import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { setDigestNextAt } from "../../store/digest.js";
import { setTimeZone } from "../../store/users.js";
import { canonicalTimeZone } from "../../time/local-date.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { nextDigestAt } from "../../digest-delivery/reschedule.js";

/** /timezone shows or sets the IANA zone that decides what "today" and each list's dates mean. */
export function settingsFeature() {
  const feature = new Composer<BotContext>();

  feature.command("timezone", async (ctx) => {
    const wanted = ctx.match.trim();
    if (wanted === "") return await ctx.reply(ctx.t("timezone-current", { zone: escapeHtml(ctx.user.time_zone) }));
    const zone = canonicalTimeZone(wanted);
    if (!zone) return await ctx.reply(ctx.t("timezone-invalid", { zone: escapeHtml(truncate(wanted, 60)) }));
    await setTimeZone(ctx.db, ctx.user.id, zone);
    // The digest keeps its local time, which is another instant in the new zone.
    await setDigestNextAt(ctx.db, ctx.user.id, await nextDigestAt(ctx.db, { id: ctx.user.id, time_zone: zone }, ctx.user.digest_minute, ctx.clock()));
    await ctx.reply(ctx.t("timezone-set", { zone: escapeHtml(zone) }));
  });
  return feature;
}
