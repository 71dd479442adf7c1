import type { DB } from "../db/connection.js";
import type { Link } from "../db/schema.js";
import { tagsOfLinks } from "./tags.js";

export interface LinkDetails extends Link {
  tags: string[];
  notes: { id: number; text: string; created_at: number }[];
}

/** Everything a link's card shows, or undefined when the link is not this user's. */
export async function linkDetails(db: DB, userId: number, linkId: number): Promise<LinkDetails | undefined> {
  const link = await db.selectFrom("links").selectAll().where("id", "=", linkId).where("user_id", "=", userId).executeTakeFirst();
  if (!link) return undefined;
  const [tags, notes] = await Promise.all([
    tagsOfLinks(db, [link.id]),
    db.selectFrom("notes").select(["id", "text", "created_at"]).where("link_id", "=", link.id).orderBy("created_at").orderBy("id").execute(),
  ]);
  return { ...link, tags: tags.get(link.id) ?? [], notes };
}
