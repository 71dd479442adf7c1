import type { MessageEntity } from "@grammyjs/types";

// Bare domains are only links when the TLD is real; a short list keeps "index.ts" or "node.js" plain text.
const TLDS = new Set(
  (
    "com org net edu gov mil int io dev app ai co me info biz xyz tech site online blog page wiki news cloud link " +
    "live pro art design shop store top club space website today world life one fun us uk de fr jp cn ru ca au in " +
    "nl eu ch se no es it pl br kr tw hk sg nz be at dk fi cz pt ie il gg sh to tv fm cc so md ly gl im is la ws"
  ).split(" "),
);
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+|(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})(?::\d{1,5})?(?:[/?#][^\s<>"]*)?/giu;

/**
 * The `url` entities Telegram's clients would attach: full http(s) URLs and bare domains,
 * without trailing punctuation. String indices in JS are UTF-16 code units, as entity offsets are.
 */
export function detectUrlEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const tld = match[1];
    if (tld !== undefined && !TLDS.has(tld.toLowerCase())) continue;
    const url = trimTrailingPunctuation(match[0]);
    entities.push({ type: "url", offset: match.index, length: url.length });
  }
  return entities;
}

function trimTrailingPunctuation(url: string): string {
  for (;;) {
    const last = url.at(-1);
    const unbalancedParen = last === ")" && count(url, "(") < count(url, ")");
    if (last === undefined || !(/[.,;:!?'"…]/.test(last) || unbalancedParen)) return url;
    url = url.slice(0, -1);
  }
}

const count = (s: string, c: string) => s.split(c).length - 1;
