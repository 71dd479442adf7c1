import type { DB } from "../db/connection.js";
import type { LinkLike } from "../views/links.js";
import { findUserLinks } from "./links.js";
import { tagsOfLinks } from "./tags.js";

export interface SaveConfirmation {
  chatId: number;
  messageId: number;
  userId: number;
  linkIds: readonly number[];
}

export async function recordSaveConfirmation(db: DB, confirmation: SaveConfirmation, now: number): Promise<void> {
  const { chatId, messageId, userId, linkIds } = confirmation;
  await db
    .insertInto("save_confirmations")
    .values({ chat_id: chatId, message_id: messageId, user_id: userId, link_ids: JSON.stringify(linkIds), created_at: now })
    .onConflict((oc) => oc.columns(["chat_id", "message_id"]).doUpdateSet({ link_ids: JSON.stringify(linkIds), created_at: now }))
    .execute();
}

/** Recent confirmations that list this link: a title that arrives soon after the save is shown in them. */
export async function recentConfirmationsOf(db: DB, linkId: number, since: number): Promise<SaveConfirmation[]> {
  const rows = await db
    .selectFrom("save_confirmations")
    .innerJoin("links", "links.user_id", "save_confirmations.user_id")
    .select(["save_confirmations.chat_id", "save_confirmations.message_id", "save_confirmations.user_id", "save_confirmations.link_ids"])
    .where("links.id", "=", linkId)
    .where("save_confirmations.created_at", ">=", since)
    .execute();
  return rows
    .map((row) => ({ chatId: row.chat_id, messageId: row.message_id, userId: row.user_id, linkIds: JSON.parse(row.link_ids) as number[] }))
    .filter((confirmation) => confirmation.linkIds.includes(linkId));
}

/** The links (as lists show them) and the union of their tags, sorted. */
export async function savedLinksWithTags(db: DB, userId: number, linkIds: readonly number[]): Promise<{ links: LinkLike[]; tags: string[] }> {
  const links = await findUserLinks(db, userId, linkIds);
  const byLink = await tagsOfLinks(db, links.map((link) => link.id));
  return { links: links.map(({ url, title }) => ({ url, title })), tags: [...new Set([...byLink.values()].flat())].sort() };
}
