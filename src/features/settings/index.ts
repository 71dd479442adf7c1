import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { callbackData, text } from "../../telegram/callback-data.js";
import { parseTimeZone } from "../../time/zone-input.js";
import { utcOffsetLabel } from "../../time/zone-suggestions.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { chooseTimeZone } from "../../digest-delivery/zone.js";

/** A zone offered when a name covers several (/timezone USA): its IANA id, the longest of which has 32 characters. */
const zoneChoiceData = callbackData("tz", { zone: text("[A-Za-z][A-Za-z0-9_+\\-/]{0,39}", "A".repeat(40)) });

/** "America/New_York · GMT-5": the id stored, and how far it is from UTC now. */
const zoneButton = (zone: string, now: number) => `${zone} · ${utcOffsetLabel(zone, now)}`;

/**
 * /timezone shows or sets the zone that decides what "today" and each list's dates mean. It takes what people type
 * (Beijing, 东京, UTC+8, Germany); a name that covers several zones (USA, 澳大利亚) is answered with a button each.
 */
export function settingsFeature() {
  const feature = new Composer<BotContext>();

  feature.command("timezone", async (ctx) => {
    const wanted = ctx.match.trim();
    if (wanted === "") return await ctx.reply(ctx.t("timezone-current", { zone: escapeHtml(ctx.user.time_zone) }));
    const answer = parseTimeZone(wanted);
    if (!answer) return await ctx.reply(ctx.t("timezone-invalid", { zone: escapeHtml(truncate(wanted, 60)) }));
    if ("choices" in answer) {
      const keyboard = new InlineKeyboard();
      for (const zone of answer.choices) keyboard.text(zoneButton(zone, ctx.clock()), zoneChoiceData.pack({ zone })).row();
      return await ctx.reply(ctx.t("timezone-choose", { input: escapeHtml(truncate(wanted, 60)) }), { reply_markup: keyboard });
    }
    // Also closes the zone keyboard of /start, if the user typed a zone instead of tapping one.
    await ctx.reply(await chooseTimeZone(ctx.db, ctx.t, ctx.user, answer.zone, ctx.clock()), { reply_markup: { remove_keyboard: true } });
  });

  feature.callbackQuery(zoneChoiceData.pattern, async (ctx) => {
    // The zone in the button is only a claim: it is read like a typed name and must come back as that same zone.
    const { zone: claimed } = zoneChoiceData.unpack(ctx.callbackQuery.data)!;
    const answer = parseTimeZone(claimed);
    if (!answer || !("zone" in answer) || answer.zone !== claimed) return await ctx.answerCallbackQuery({ text: ctx.t("timezone-choice-invalid") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(await chooseTimeZone(ctx.db, ctx.t, ctx.user, answer.zone, ctx.clock()));
  });
  return feature;
}
