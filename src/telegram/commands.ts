import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { LanguageCode, Message } from "@grammyjs/types";

/** Every command the bot answers, in the order of Telegram's "/" menu; descriptions come from the locale files. */
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
  "language",
  "import",
  "export",
  "cancel",
] as const;

// Commands that need a link's number only print their usage when picked from the menu: they keep working when typed
// (and the links' cards offer them), but the menu shows what can be tapped.
const TYPED_ONLY = new Set<string>(["link", "title", "refetch"]);
export const MENU_COMMANDS = COMMANDS.filter((command) => !TYPED_ONLY.has(command));

type ProfileScope = { language_code?: LanguageCode };

/** Calls `set` only when `get` tells a different value: start-ups after the first make no changes Telegram must spread. */
async function setIfChanged<T>(get: () => Promise<T>, wanted: T, set: () => Promise<unknown>): Promise<void> {
  if (JSON.stringify(await get()) !== JSON.stringify(wanted)) await set();
}

/**
 * The "/" menu, "What can this bot do?" (description) and the profile's short description, in every language the
 * bot speaks. English is also the default for languages without their own.
 */
export async function registerBotProfile(api: Api, i18n: I18n<any>): Promise<void> {
  for (const locale of i18n.locales) {
    const scope: ProfileScope = locale === "en" ? {} : { language_code: locale as LanguageCode };
    const commands = MENU_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
    const description = i18n.t(locale, "bot-description");
    const shortDescription = i18n.t(locale, "bot-short-description");
    await setIfChanged(
      () => api.getMyCommands(scope),
      commands,
      () => api.setMyCommands(commands, scope),
    );
    await setIfChanged(
      async () => (await api.getMyDescription(scope)).description,
      description,
      () => api.setMyDescription(description, scope),
    );
    await setIfChanged(
      async () => (await api.getMyShortDescription(scope)).short_description,
      shortDescription,
      () => api.setMyShortDescription(shortDescription, scope),
    );
  }
}

export function isCommand(message: Message): boolean {
  const first = message.entities?.[0];
  return first?.type === "bot_command" && first.offset === 0;
}
