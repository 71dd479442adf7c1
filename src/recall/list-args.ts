import { normalizeTag } from "../tags/parse-tags.js";

export interface UnreadArgs {
  tags: string[];
  oldestFirst: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; unknown: string };

// More filter tags than anyone types; an absurd list is refused rather than turned into a huge query.
export const MAX_FILTER_TAGS = 10;

// Numbers, dates, times and months ("2026-11-20", "2026-13", "08:30"): a mistyped date is no tag.
const DATE_LIKE = /^[\d\-:./]+$/u;

/**
 * The tag a word of a list command filters by: "#rust", or a bare "rust" or "机器学习" as people type them. A bare
 * word counts only when it is a tag as typed (nothing dropped on the way to one, no date or number): "(rust)"
 * or "2026-13" is a word the command does not understand, not a tag no link has. The command checks its own
 * words ("oldest", "week") first.
 */
export function filterTag(word: string): string | null {
  if (word.startsWith("#")) return normalizeTag(word);
  const tag = normalizeTag(word);
  return tag !== null && !DATE_LIKE.test(word) && tag === word.normalize("NFC").toLocaleLowerCase("en") ? tag : null;
}

/** `/unread #elixir beam oldest`: tags to filter by (all must match; "#" may be left out) and the order. */
export function parseUnreadArgs(text: string, defaults: { oldestFirst: boolean } = { oldestFirst: false }): Parsed<UnreadArgs> {
  const tags = new Set<string>();
  let oldestFirst = defaults.oldestFirst;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (/^(oldest|old)$/i.test(word)) oldestFirst = true;
    else if (/^(newest|new)$/i.test(word)) oldestFirst = false;
    else {
      const tag = filterTag(word);
      if (tag === null) return { ok: false, unknown: word };
      if (tags.size < MAX_FILTER_TAGS) tags.add(tag);
    }
  }
  return { ok: true, value: { tags: [...tags], oldestFirst } };
}
