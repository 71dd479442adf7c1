import type { DB } from "../../db/connection.js";
import { findUserLinks } from "../../store/links.js";
import { suggestTags, tagsOfLinks } from "../../store/tags.js";
import type { LinkLike } from "../../views/links.js";

const SUGGESTION_COUNT = 8;

/** Everything a tag question shows, as plain JSON: it is stored in the conversation's replay log. */
export interface TagQuestionData {
  links: (LinkLike & { id: number })[];
  /** Tags every one of the links already has: preselected. */
  current: string[];
  /** Buttons: the user's most-used recent tags plus the current ones. */
  options: string[];
}

export async function loadTagQuestion(db: DB, userId: number, linkIds: readonly number[], now: number): Promise<TagQuestionData> {
  const links = await findUserLinks(db, userId, linkIds);
  const tags = await tagsOfLinks(db, links.map((link) => link.id));
  const lists = [...tags.values()];
  const current = (lists[0] ?? []).filter((tag) => lists.every((list) => list.includes(tag)));
  const suggestions = await suggestTags(db, userId, now, SUGGESTION_COUNT);
  return {
    links: links.map(({ id, url, title }) => ({ id, url, title })),
    current,
    options: [...new Set([...current, ...suggestions])],
  };
}
