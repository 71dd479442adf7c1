import type { Message } from "@grammyjs/types";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { formatDigestTime } from "../../digest/schedule.js";
import { parseTimeOfDay } from "../../time/time-input.js";
import { markDigestItem } from "../../digest/mark.js";
import { digestUserOf, snoozeLink, unreadCount, updateDigestSettings, type DigestSettings } from "../../store/digest.js";
import { setRead } from "../../store/reading.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { buildDigest } from "../../digest-delivery/build.js";
import { digestItemData, digestKeyboard, itemNumber, withoutLink } from "../../digest-delivery/keyboard.js";
import { callbackData, oneOf } from "../../telegram/callback-data.js";
import { entitiesToHtml } from "../../telegram/entities-html.js";
import { isNotModified } from "../../questions/flow.js";
import { localDate } from "../../time/local-date.js";
import { formatDate } from "../../views/dates.js";
import { nextDigestAt } from "../../digest-delivery/reschedule.js";

const SNOOZE_MS = 7 * 86_400_000;
const MAX_SIZE = 10;
const settingsData = callbackData("dgs", { choice: oneOf("on", "off", "now") });

function settingsKeyboard(ctx: BotContext): InlineKeyboard {
  const enabled = ctx.user.digest_enabled === 1;
  return new InlineKeyboard()
    .text(ctx.t(enabled ? "digest-button-off" : "digest-button-on"), settingsData.pack({ choice: enabled ? "off" : "on" }))
    .text(ctx.t("digest-button-now"), settingsData.pack({ choice: "now" }));
}

function settingsText(ctx: BotContext): string {
  const user = ctx.user;
  return ctx.t(user.digest_enabled === 1 ? "digest-settings-on" : "digest-settings-off", {
    time: formatDigestTime(user.digest_minute),
    // Until the user names a zone, no hour of one they never chose is promised.
    zone: user.time_zone_chosen === 1 ? escapeHtml(user.time_zone) : ctx.t("digest-zone-unset"),
    size: user.digest_size,
    always: ctx.t(user.digest_always === 1 ? "digest-always-yes" : "digest-always-no"),
  });
}

/** Applies a settings change, moves the next due time accordingly, and shows the result. */
async function change(ctx: BotContext, changes: Partial<DigestSettings>): Promise<void> {
  const minute = changes.digest_minute ?? ctx.user.digest_minute;
  const nextAt = await nextDigestAt(ctx.db, ctx.user, minute, ctx.clock());
  await updateDigestSettings(ctx.db, ctx.user.id, changes, nextAt);
  Object.assign(ctx.user, changes, { digest_next_at: nextAt });
}

async function sendPreview(ctx: BotContext): Promise<void> {
  const digest = await buildDigest(ctx.db, digestUserOf(ctx.user), ctx.clock(), ctx.t, true);
  const ids = digest?.upNext.map((link) => link.id) ?? [];
  await ctx.reply(digest?.text ?? ctx.t("digest-empty"), { reply_markup: digestKeyboard(ids) });
}

/** Parses `/digest …` into a settings change, a preview request, a size out of range, or null for words it does not know. */
function parseDigestCommand(argument: string): Partial<DigestSettings> | "show" | "now" | "bad-size" | null {
  const [word = "", extra] = argument.trim().toLowerCase().split(/\s+/u);
  if (word === "") return "show";
  if (word === "now") return "now";
  if (word === "on" || word === "off") return { digest_enabled: word === "on" ? 1 : 0 };
  if (word === "always" || word === "quiet") return { digest_always: word === "always" ? 1 : 0 };
  if (word === "size") {
    const size = Number(extra);
    return Number.isInteger(size) && size >= 1 && size <= MAX_SIZE ? { digest_size: size } : "bad-size";
  }
  // A time as people type it: 08:30, 9pm, 9 pm, 晚上9点半.
  const minute = parseTimeOfDay(argument);
  return minute === null ? null : { digest_minute: minute };
}

/**
 * The digest's text after ✅ or 💤 on one of its links (snoozed `until`, or read for null): that item struck through
 * and noted, the unread count said anew. Null when the message is not one to change (no text, no such item).
 */
async function markedDigest(ctx: BotContext, message: Message, linkId: number, until: number | null): Promise<string | null> {
  const number = itemNumber(message.reply_markup, linkId);
  if (message.text === undefined || number === null) return null;
  const today = localDate(ctx.clock(), ctx.user.time_zone);
  const note =
    until === null ? ctx.t("digest-item-read") : ctx.t("digest-item-snoozed", { date: formatDate(ctx.t, localDate(until, ctx.user.time_zone), today) });
  const unread = await unreadCount(ctx.db, ctx.user.id);
  const countLine = unread > 0 ? ctx.t("digest-unread", { count: unread }) : ctx.t("digest-all-read");
  return markDigestItem(entitiesToHtml(message.text, message.entities), number, note, countLine);
}

/** /digest shows and changes the daily digest; its ✅ and 💤 buttons act on the proposed links. */
export function digestFeature() {
  const feature = new Composer<BotContext>();

  feature.command("digest", async (ctx) => {
    const parsed = parseDigestCommand(ctx.match);
    if (parsed === null) return await ctx.reply(ctx.t("digest-usage", { word: escapeHtml(truncate(ctx.match.trim(), 40)) }));
    if (parsed === "now") return await sendPreview(ctx);
    if (parsed === "bad-size") return await ctx.reply(ctx.t("digest-size-range", { max: MAX_SIZE }));
    if (parsed !== "show") await change(ctx, parsed);
    await ctx.reply(settingsText(ctx), { reply_markup: settingsKeyboard(ctx) });
  });

  feature.callbackQuery(settingsData.pattern, async (ctx) => {
    const { choice } = settingsData.unpack(ctx.callbackQuery.data)!;
    await ctx.answerCallbackQuery();
    if (choice === "now") return await sendPreview(ctx);
    await change(ctx, { digest_enabled: choice === "on" ? 1 : 0 });
    await ctx.editMessageText(settingsText(ctx), { reply_markup: settingsKeyboard(ctx) });
  });

  feature.callbackQuery(digestItemData.pattern, async (ctx) => {
    const { action, linkId } = digestItemData.unpack(ctx.callbackQuery.data)!;
    const snooze = action === "z";
    const until = ctx.clock() + SNOOZE_MS;
    const done = snooze ? await snoozeLink(ctx.db, ctx.user.id, linkId, until) : await setRead(ctx.db, ctx.user.id, linkId, true, ctx.clock());
    if (!done) return await ctx.answerCallbackQuery({ text: ctx.t("link-not-found") });
    await ctx.answerCallbackQuery({ text: ctx.t(snooze ? "digest-snoozed" : "marked-read") });
    const message = ctx.callbackQuery.message;
    const keyboard = withoutLink(message?.reply_markup, linkId);
    const text = message && "text" in message ? await markedDigest(ctx, message, linkId, snooze ? until : null) : null;
    // A press twice on one button (a slow network) finds the message as it should be already.
    await (text === null ? ctx.editMessageReplyMarkup({ reply_markup: keyboard }) : ctx.editMessageText(text, { reply_markup: keyboard })).catch(
      (error: unknown) => {
        if (!isNotModified(error)) throw error;
      },
    );
  });
  return feature;
}
