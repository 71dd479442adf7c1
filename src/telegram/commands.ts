import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { LanguageCode, Message } from "@grammyjs/types";

/** The commands shown in Telegram's "/" menu and in /help, in that order; descriptions come from the locale files. */
export const COMMANDS = [
  "start",
  "help",
  "unread",
  "read",
  "today",
  "search",
  "notes",
  "note",
  "tags",
  "link",
  "title",
  "refetch",
  "digest",
  "timezone",
  "import",
  "export",
  "cancel",
] as const;

export async function registerCommands(api: Api, i18n: I18n<any>): Promise<void> {
  for (const locale of i18n.locales) {
    const commands = COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
    // The default list (no language_code) is English; other locales get their own list.
    await api.setMyCommands(commands, locale === "en" ? {} : { language_code: locale as LanguageCode });
  }
}

export function isCommand(message: Message): boolean {
  const first = message.entities?.[0];
  return first?.type === "bot_command" && first.offset === 0;
}
