import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { LanguageCode, Message, MessageEntity } from "@grammyjs/types";
import { callbackData, MAX_CALLBACK_BYTES, oneOf, optional, text } from "./callback-data.js";

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
