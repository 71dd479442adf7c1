import type { Message } from "@grammyjs/types";

/** An item of a list as the user saw it: the number in front of it, and the link its `/link_…` names. */
export interface ListItem {
  number: number;
  linkId: number;
}

/**
 * The numbered items of a list message (/unread, /queue, /search, /today …), read from the message the user
 * replied to, which Telegram hands over as it is on screen now (page 3 after ◀ ▶, not the page first sent).
 * An item is a line "n. " holding a text link, followed by a line with its `/link_id`. Only ids the bot recorded
 * for that message (`known`, already checked as the user's) count, so a note text quoted in a list cannot pose as one.
 */
export function listItems(message: Pick<Message, "text" | "entities">, known: readonly number[]): ListItem[] {
  const text = message.text ?? "";
  const links = (message.entities ?? []).filter((entity) => entity.type === "text_link").map((entity) => entity.offset);
  const allowed = new Set(known);
  const items: ListItem[] = [];
  let pending: number | undefined;
  let offset = 0;
  for (const line of text.split("\n")) {
    const numbered = /^(\d{1,6})\. /.exec(line);
    const end = offset + line.length;
    if (numbered && links.some((start) => start > offset && start < end)) pending = Number(numbered[1]);
    else if (pending !== undefined) {
      const id = /\/link_(\d{1,15})\b/.exec(line)?.[1];
      if (id !== undefined && allowed.has(Number(id))) items.push({ number: pending, linkId: Number(id) });
      if (id !== undefined) pending = undefined;
    }
    offset = end + 1;
  }
  return items;
}

/** "9 这个要先看", "#9 …", "9. …", "9、…": the item a reply names before its note, and the note without it. */
export function leadingNumber(text: string): { number: number; rest: string } | undefined {
  const match = /^\s*#?(\d{1,6})(?:[.、:：,，)）]\s*|\s+)(\S[\s\S]*)$/u.exec(text);
  return match ? { number: Number(match[1]), rest: match[2]! } : undefined;
}
