import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";

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
