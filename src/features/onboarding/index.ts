import tzLookup from "@photostructure/tz-lookup";
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import { chooseTimeZone, type ZoneChoice } from "../../digest-delivery/zone.js";
import { formatDigestTime } from "../../digest/schedule.js";
import { setLanguage } from "../../store/users.js";
import { callbackData, oneOf } from "../../telegram/callback-data.js";
import type { BotContext } from "../../telegram/context.js";
import { wallClock } from "../../time/local-date.js";
import { likelyZones, utcOffsetLabel, zoneCity } from "../../time/zone-suggestions.js";
import { escapeHtml } from "../../views/html.js";

const languageData = callbackData("lang", { language: oneOf("en", "zh") });
const LANGUAGE_NAMES = { en: "English", zh: "中文" } as const;

/** "🕗 Shanghai · GMT+8": what a zone button says, and so what its tap sends back as text. */
function zoneButtonLabel(zone: string, now: number): string {
  return `🕗 ${zoneCity(zone)} · ${utcOffsetLabel(zone, now)}`;
}

async function zoneKeyboard(ctx: BotContext): Promise<Keyboard> {
  const zones = likelyZones(await ctx.i18n.getLocale(), ctx.config.DEFAULT_TIMEZONE);
  const keyboard = new Keyboard();
  zones.forEach((zone, i) => {
    keyboard.text(zoneButtonLabel(zone, ctx.clock()));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.requestLocation(ctx.t("zone-button-location")).text(ctx.t("zone-button-other")).resized().oneTime();
}

/** The zone a tapped zone button stands for, whatever language the keyboard was made in. */
function zoneOfButton(ctx: BotContext, text: string): string | undefined {
  const offered = new Set([...likelyZones("en", ctx.config.DEFAULT_TIMEZONE), ...likelyZones("zh", ctx.config.DEFAULT_TIMEZONE)]);
  return [...offered].find((zone) => zoneButtonLabel(zone, ctx.clock()) === text);
}

function localTime(zone: string, at: number): string {
  const { hour, minute } = wallClock(at, zone);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Where the user stands now: zone, local time, and the digest's time, or that it is off. */
function settingsLine(ctx: BotContext): string {
  const { time_zone: zone, digest_enabled, digest_minute } = ctx.user;
  const digest = digest_enabled === 1 ? ctx.t("start-digest-on", { time: formatDigestTime(digest_minute) }) : ctx.t("start-digest-off");
  return ctx.t("start-zone-known", { zone: escapeHtml(zone), time: localTime(zone, ctx.clock()), digest });
}

async function confirmZone(ctx: BotContext, choice: ZoneChoice): Promise<void> {
  const digest =
    ctx.user.digest_enabled === 1
      ? ctx.t(choice.nextDigestToday ? "zone-digest-today" : "zone-digest-tomorrow", { time: formatDigestTime(ctx.user.digest_minute) })
      : ctx.t("start-digest-off");
  const text = ctx.t("zone-chosen", { zone: escapeHtml(choice.zone), time: localTime(choice.zone, ctx.clock()), digest });
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
    if (ctx.user.time_zone_chosen === 1) return await ctx.reply(`${welcome}\n\n${settingsLine(ctx)}`);
    await ctx.reply(`${welcome}\n\n${ctx.t("start-ask-zone")}`, { reply_markup: await zoneKeyboard(ctx) });
  });

  feature.on("message:location", async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    await confirmZone(ctx, await chooseTimeZone(ctx.db, ctx.user, tzLookup(latitude, longitude), ctx.clock()));
  });

  feature.on("message:text").filter(
    (ctx) => zoneOfButton(ctx, ctx.message.text) !== undefined,
    async (ctx) => await confirmZone(ctx, await chooseTimeZone(ctx.db, ctx.user, zoneOfButton(ctx, ctx.message.text)!, ctx.clock())),
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
    await ctx.editMessageText(ctx.t("language-set"), { reply_markup: await languageKeyboard(ctx) });
  });
  return feature;
}
