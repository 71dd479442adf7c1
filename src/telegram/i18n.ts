import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Translate } from "../views/translate.js";

const localesDirectory = fileURLToPath(new URL("../../locales", import.meta.url));

/** The languages there are locale files for; English is the default and the fallback. */
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Telegram's `language_code` (an IETF tag such as "en", "zh-hans", "pt-br") to a locale of ours. Every Chinese
 * tag gets the Simplified Chinese files: zh-hant, zh-tw and zh-hk too, until there is a traditional translation,
 * since a reader of traditional characters reads simplified ones far better than English.
 */
function localeOfTag(tag: string | null | undefined): Locale | null {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (!language) return null;
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : null;
}

/**
 * The locale to answer in: an explicit choice (a stored /language setting) when it names one of ours, else the
 * language the user's Telegram app is set to, else English. The one place this is decided, for handlers and
 * for background jobs alike.
 */
export function localeFor(languageCode: string | null | undefined, chosen?: string | null): Locale {
  return localeOfTag(chosen) ?? localeOfTag(languageCode) ?? "en";
}

export function createI18n(): I18n<Context> {
  return new I18n<Context>({
    defaultLocale: "en",
    directory: localesDirectory,
    useSession: false,
    // Fluent's Unicode isolation marks would end up inside copied text and URLs in Telegram.
    fluentBundleOptions: { useIsolating: false },
    // The stored /language choice is known once the user is loaded, which renegotiates (bot/middlewares/current-user.ts).
    localeNegotiator: (ctx) => localeFor(ctx.from?.language_code, (ctx as { user?: { language: string | null } }).user?.language),
  });
}

/** Translation outside a handler (scheduler, background jobs): the user's language, as `localeFor` picks it. */
export function translatorFor(i18n: I18n<any>, user: { language_code: string | null; language?: string | null } | undefined): Translate {
  const locale = localeFor(user?.language_code, user?.language);
  return (key, variables) => i18n.t(locale, key, variables);
}
