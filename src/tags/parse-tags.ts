const MAX_TAG_LENGTH = 40;
// More tags than anyone means; a pasted paragraph must not become hundreds of tags.
export const MAX_TAGS_PER_ANSWER = 20;

/** One tag as stored: lower-case, without a leading "#", Unicode letters kept; null when nothing usable is left. */
export function normalizeTag(raw: string): string | null {
  const tag = raw
    .normalize("NFC")
    .replace(/^#+/, "")
    .replace(/[^\p{L}\p{N}\p{M}_\-.+/]/gu, "")
    .toLocaleLowerCase("en");
  // Cut by code points: a cut inside a surrogate pair would leave half a character that changes on the next pass.
  const cut = Array.from(tag).slice(0, MAX_TAG_LENGTH).join("");
  return cut.length > 0 ? cut : null;
}

/** Tags typed by the user: separated by spaces, commas (also the CJK "，" and "、") or semicolons; duplicates dropped, order kept. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[\s,，、;；]+/u)
    .map(normalizeTag)
    .filter((tag): tag is string => tag !== null);
  return [...new Set(tags)].slice(0, MAX_TAGS_PER_ANSWER);
}
