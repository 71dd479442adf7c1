import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Translate } from "../views/translate.js";

const localesDirectory = fileURLToPath(new URL("../../locales", import.meta.url));

export function createI18n(): I18n<Context> {
  return new I18n<Context>({
    defaultLocale: "en",
    directory: localesDirectory,
    useSession: false,
    // Fluent's Unicode isolation marks would end up inside copied text and URLs in Telegram.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.from?.language_code,
  });
}

/** Translation outside a handler (scheduler, background jobs): the user's language when there is a file for it. */
export function translatorFor(i18n: I18n<any>, languageCode: string | null): Translate {
  const locale = languageCode !== null && i18n.locales.includes(languageCode) ? languageCode : "en";
  return (key, variables) => i18n.t(locale, key, variables);
}
