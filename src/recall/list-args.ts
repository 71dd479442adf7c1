import { normalizeTag } from "../tags/parse-tags.js";

export interface UnreadArgs {
  tags: string[];
  oldestFirst: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; unknown: string };

// More filter tags than anyone types; an absurd list is refused rather than turned into a huge query.
export const MAX_FILTER_TAGS = 10;

/** `/unread #elixir #beam oldest`: tags to filter by (all must match) and the order. */
export function parseUnreadArgs(text: string): Parsed<UnreadArgs> {
  const tags = new Set<string>();
  let oldestFirst = false;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const tag = word.startsWith("#") ? normalizeTag(word) : null;
    if (tag !== null) {
      if (tags.size < MAX_FILTER_TAGS) tags.add(tag);
    } else if (/^(oldest|old)$/i.test(word)) oldestFirst = true;
    else if (!/^(newest|new)$/i.test(word)) return { ok: false, unknown: word };
  }
  return { ok: true, value: { tags: [...tags], oldestFirst } };
}
