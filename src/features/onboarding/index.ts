import tzLookup from "@photostructure/tz-lookup";
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import { chooseTimeZone, localTime } from "../../digest-delivery/zone.js";
import { formatDigestTime } from "../../digest/schedule.js";
import { setLanguage } from "../../store/users.js";
import { callbackData, oneOf } from "../../telegram/callback-data.js";
import type { BotContext } from "../../telegram/context.js";
import { withLibraryButton } from "../../telegram/library-button.js";
import { sendMenuButtonInUserLanguage } from "../../telegram/menu-button.js";
import { likelyZones, utcOffsetLabel, zoneCity } from "../../time/zone-suggestions.js";
import { escapeHtml } from "../../views/html.js";

const languageData = callbackData("lang", { language: oneOf("en", "zh") });
const LANGUAGE_NAMES = { en: "English", zh: "中文" } as const;

/** "🕗 上海 · GMT+8": what a zone button says, and so what its tap sends back as text. */
function zoneButtonLabel(zone: string, locale: string, now: number): string {
  return `🕗 ${zoneCity(zone, locale)} · ${utcOffsetLabel(zone, now)}`;
}

async function zoneKeyboard(ctx: BotContext): Promise<Keyboard> {
  const locale = await ctx.i18n.getLocale();
  const keyboard = new Keyboard();
  likelyZones(locale, ctx.config.DEFAULT_TIMEZONE).forEach((zone, i) => {
    keyboard.text(zoneButtonLabel(zone, locale, ctx.clock()));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.requestLocation(ctx.t("zone-button-location")).text(ctx.t("zone-button-other")).resized().oneTime();
}

/** The zone a tapped zone button stands for, whatever language the keyboard was made in. */
function zoneOfButton(ctx: BotContext, text: string): string | undefined {
  for (const locale of ["en", "zh"]) {
    const zone = likelyZones(locale, ctx.config.DEFAULT_TIMEZONE).find((each) => zoneButtonLabel(each, locale, ctx.clock()) === text);
    if (zone) return zone;
  }
  return undefined;
}

/** Where the user stands now: zone, local time, and the digest's time, or that it is off. */
function settingsLine(ctx: BotContext): string {
  const { time_zone: zone, digest_enabled, digest_minute } = ctx.user;
  const digest = digest_enabled === 1 ? ctx.t("start-digest-on", { time: formatDigestTime(digest_minute) }) : ctx.t("start-digest-off");
  return ctx.t("start-zone-known", { zone: escapeHtml(zone), time: localTime(zone, ctx.clock()), digest });
}

async function confirmZone(ctx: BotContext, zone: string): Promise<void> {
  const text = await chooseTimeZone(ctx.db, ctx.t, ctx.user, zone, ctx.clock());
  await ctx.reply(text, { reply_markup: { remove_keyboard: true } });
}

async function languageKeyboard(ctx: BotContext): Promise<InlineKeyboard> {
  const current = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  for (const language of ["en", "zh"] as const) {
    keyboard.text(`${language === current ? "✓ " : ""}${LANGUAGE_NAMES[language]}`, languageData.pack({ language }));
  }
  return keyboard;
}

/**
 * First contact: what the bot does in three lines and, until the user has one, the question of their time zone
 * (likely zones for their language, their location, or any name with /timezone); and /language.
 */
export function onboardingFeature() {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    const welcome = ctx.t("start-welcome", { name: escapeHtml(ctx.from?.first_name ?? "") });
    await sendMenuButtonInUserLanguage(ctx);
    if (ctx.user.time_zone_chosen === 1) return await ctx.reply(`${welcome}\n\n${settingsLine(ctx)}`, { reply_markup: withLibraryButton(ctx) });
    await ctx.reply(`${welcome}\n\n${ctx.t("start-ask-zone")}`, { reply_markup: await zoneKeyboard(ctx) });
  });

  // Only where the user is now, as "📍 Send my location" sends it: a forwarded place, a venue or a live location
  // shared for another reason must not move their day and their digest.
  const ownLocation = (ctx: BotContext) => {
    const message = ctx.message;
    return message?.location !== undefined && !message.forward_origin && !message.venue && message.location.live_period === undefined;
  };
  feature.on("message:location").filter(ownLocation, async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    await confirmZone(ctx, tzLookup(latitude, longitude));
  });

  feature.on("message:text").filter(
    (ctx) => zoneOfButton(ctx, ctx.message.text) !== undefined,
    async (ctx) => await confirmZone(ctx, zoneOfButton(ctx, ctx.message.text)!),
  );
  feature.on("message:text").filter(
    (ctx) => ctx.message.text === ctx.t("zone-button-other"),
    async (ctx) => await ctx.reply(ctx.t("zone-other"), { reply_markup: { remove_keyboard: true } }),
  );

  feature.command("language", async (ctx) => await ctx.reply(ctx.t("language-choose"), { reply_markup: await languageKeyboard(ctx) }));
  feature.callbackQuery(languageData.pattern, async (ctx) => {
    const language = languageData.unpack(ctx.callbackQuery.data)?.language;
    if (!language) return await ctx.answerCallbackQuery();
    await setLanguage(ctx.db, ctx.user.id, language);
    ctx.user.language = language;
    await ctx.i18n.renegotiateLocale();
    await ctx.answerCallbackQuery();
    await sendMenuButtonInUserLanguage(ctx);
    await ctx.editMessageText(ctx.t("language-set"), { reply_markup: await languageKeyboard(ctx) });
  });
  return feature;
}
