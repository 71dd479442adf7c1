import { isoTime, unixTime } from "./fields.js";
import { LinkList } from "./link-cap.js";
import { MAX_NESTING, nestsTooDeep } from "./linklog-json.js";
import type { ParseContext, ParsedFile } from "./model.js";
import { problem } from "./problems.js";
import { messageLinks, TELEGRAM_FORMAT, type TextPart } from "./telegram-links.js";

/**
 * Telegram Desktop's `result.json` (Settings › Advanced › Export Telegram data, "Machine-readable JSON"), as
 * export_output_json.cpp writes it: one chat `{ "name", "type", "id", "messages": [...] }`, or the whole account
 * `{ "about", "personal_information", …, "chats": { "about", "list": [ chat, … ] }, "left_chats": { … } }`.
 * A message is `{ "id", "type": "message" | "service", "date", "date_unixtime", "forwarded_from", "text",
 * "text_entities" }`; `text` is a string when it is plain words, else a list of strings and `{ "type", "text" }`
 * objects (`href` on a `text_link`); `text_entities` (newer exports) is always the list of objects.
 */

/** The chat types export_output_json.cpp names (its TypeString), followed by the chat's id and its messages. */
const CHAT_START =
  /"type"\s*:\s*"(?:saved_messages|replies|verification_codes|personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel)"\s*,\s*"id"\s*:\s*-?\d+\s*,\s*"messages"\s*:\s*\[/u;
/** The whole account's export: "about" first, then one of the sections the full export writes. */
const ACCOUNT_START =
  /^\s*\{\s*"about"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"(?:personal_information|profile_pictures|stories|contacts|frequent_contacts|sessions|web_sessions|other_data|chats|left_chats)"\s*:/u;

/** Whether the text is a Telegram export's JSON, judged by its start. */
export function isTelegramJson(text: string): boolean {
  const start = text.slice(0, 4096);
  return /^\s*\{/u.test(start) && (ACCOUNT_START.test(start) || CHAT_START.test(start));
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string => (typeof value === "string" ? value : "");

/** Entity types whose words are ordinary text, looked through for addresses written out. */
const WORDS = new Set(["plain", "bold", "italic", "underline", "strikethrough", "spoiler", "blockquote"]);

function partOf(entity: unknown): TextPart | null {
  if (typeof entity === "string") return { kind: "plain", text: entity };
  if (!isObject(entity)) return null;
  const text = stringOf(entity.text);
  const type = stringOf(entity.type);
  if (type === "link") return { kind: "link", text };
  if (type === "text_link") return { kind: "text_link", text, href: stringOf(entity.href) };
  return { kind: WORDS.has(type) ? "plain" : "other", text };
}

/** The message's text as parts: `text_entities` when the export has them, else `text`. */
function partsOf(message: Json): TextPart[] {
  const text = Array.isArray(message.text_entities) ? message.text_entities : message.text;
  if (typeof text === "string") return [{ kind: "plain", text }];
  if (!Array.isArray(text)) return [];
  return text.flatMap((entity) => partOf(entity) ?? []);
}

/** `date_unixtime` (seconds, as a string) when given; older exports have only `date`, the exporting computer's wall clock. */
function dateOf(message: Json, context: ParseContext): number | null {
  const unix = unixTime(stringOf(message.date_unixtime) || undefined);
  if (unix !== null) return unix;
  const date = stringOf(message.date);
  return date === "" ? null : isoTime(date, context);
}

/** The chats of the file: itself when it is one chat, else every chat of `chats.list` and `left_chats.list`. */
function chatsOf(root: Json): unknown[] {
  if (Array.isArray(root.messages)) return [root];
  return [root.chats, root.left_chats].flatMap((section) => (isObject(section) && Array.isArray(section.list) ? section.list : []));
}

export function parseTelegramJson(text: string, context: ParseContext): ParsedFile {
  if (nestsTooDeep(text)) return { format: TELEGRAM_FORMAT, links: [], problems: [problem(1, "problem-json-too-deep", { max: MAX_NESTING })] };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return { format: TELEGRAM_FORMAT, links: [], problems: [problem(1, "problem-json-invalid")] };
  }
  const links = new LinkList(context.maxLinks);
  for (const chat of isObject(root) ? chatsOf(root) : []) {
    const messages = isObject(chat) && Array.isArray(chat.messages) ? chat.messages : [];
    for (const message of messages) {
      // Service messages ("joined", "pinned", …) carry no words of the user's; "unsupported" ones carry nothing.
      if (!isObject(message) || message.type !== "message") continue;
      const forwardedFrom = stringOf(message.forwarded_from).trim() || null;
      for (const link of messageLinks({ parts: partsOf(message), date: dateOf(message, context), forwardedFrom })) links.add(link);
      if (links.full) return { format: TELEGRAM_FORMAT, links: links.links, problems: [], ...links.cut };
    }
  }
  return { format: TELEGRAM_FORMAT, links: links.links, problems: [], ...links.cut };
}
