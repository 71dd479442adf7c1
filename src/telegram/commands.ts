import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { LanguageCode, Message, MessageEntity } from "@grammyjs/types";
import { callbackData, MAX_CALLBACK_BYTES, oneOf, optional, text } from "./callback-data.js";

/** Every command the bot answers, in the order of Telegram's "/" menu; descriptions come from the locale files. */
export const COMMANDS = [
  "start",
  "help",
  "unread",
  "queue",
  "next",
  "read",
  "today",
  "search",
  "notes",
  "note",
  "tags",
  "stats",
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
// (and the links' cards offer them), but the menu shows what can be tapped. /next is /queue by another name.
const TYPED_ONLY = new Set<string>(["link", "title", "refetch", "next"]);
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

/** A command as typed: its name (without "/" and "@bot", in lower case) and what follows it, spaces after it left out. */
export interface TypedCommand {
  name: string;
  argument: string;
}

/** The command a message starts with, as Telegram marked it (the entity at offset 0), and the text. */
function leadingCommand(message: Message): { command: string; text: string } | null {
  const first = message.entities?.[0];
  if (message.text === undefined || first?.type !== "bot_command" || first.offset !== 0) return null;
  return { command: message.text.slice(0, first.length), text: message.text };
}

export function typedCommand(message: Message): TypedCommand | null {
  const found = leadingCommand(message);
  if (!found) return null;
  const name = found.command.slice(1).split("@", 1)[0]!.toLowerCase();
  return { name, argument: found.text.slice(found.command.length).replace(/^[ \t]+/u, "") };
}

/**
 * The text with the command it starts with in lower case ("/Unread #rust" → "/unread #rust"), or null when it
 * has none or it already is. Only A–Z change (commands are made of ASCII letters, digits and "_"), so the text
 * keeps its length and every entity after the command its offset.
 */
export function commandInLowerCase(message: Message): string | null {
  const found = leadingCommand(message);
  if (!found) return null;
  const lower = found.command.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  return lower === found.command ? null : lower + found.text.slice(lower.length);
}

/** The longest command's data with the longest argument that still fits: what the 64-byte test packs. */
const LONGEST = COMMANDS.reduce((a, b) => (b.length > a.length ? b : a));
const WIDEST_ARGUMENT = "x".repeat(MAX_CALLBACK_BYTES - `run:${LONGEST}:`.length);

/**
 * The button under "Did you mean /unread?": the known command and the argument typed after the unknown one.
 * It runs as if the user had typed it, so it can do nothing the user could not type; an argument too long for
 * Telegram's 64 bytes gets no button (`tryPack` says null).
 */
export const runCommandData = callbackData("run", { command: oneOf(...COMMANDS), argument: optional(text("[\\s\\S]+", WIDEST_ARGUMENT)) });

/** The message text and command entity the user would have sent to run `command` with `argument`. */
export function commandMessage(command: string, argument: string | undefined): { text: string; entities: MessageEntity[] } {
  const name = `/${command}`;
  // A note may start on the line after the command; anything else is separated by a space.
  const rest = argument === undefined || argument === "" ? "" : /^\r?\n/u.test(argument) ? argument : ` ${argument}`;
  return { text: name + rest, entities: [{ type: "bot_command", offset: 0, length: name.length }] };
}
