import { InlineKeyboard } from "grammy";
import { callbackData, int } from "../telegram/callback-data.js";
import type { Translate } from "../views/translate.js";
import type { TaggedLink } from "../capture/capture-links.js";
import { localDate } from "../time/local-date.js";
import { linkLine, MAX_LISTED_LINKS, tagList } from "../views/links.js";
import { formatDate } from "../views/dates.js";

// Unbounded digits, as the first Re-tag buttons were matched: an id too large to be a link is answered "not found".
export const retagData = callbackData("retag", { linkId: int() });
export const RETAG_CALLBACK = retagData.pattern;
export const retagCallback = (linkId: number) => retagData.pack({ linkId });

/** "Already saved on …" for links the user sent again, with a Re-tag button per link. */
export function knownLinksReply(t: Translate, known: readonly Pick<TaggedLink, "id" | "url" | "title" | "saved_at" | "tags">[], timeZone: string, now: number) {
  const listed = known.slice(0, MAX_LISTED_LINKS);
  const today = localDate(now, timeZone);
  const text = listed
    .map((link) => {
      const about = { date: formatDate(t, localDate(link.saved_at, timeZone), today), link: linkLine(link).replace(/^• /, "") };
      return link.tags.length > 0 ? t("duplicate", { ...about, tags: tagList(link.tags) }) : t("duplicate-untagged", about);
    })
    .join("\n\n");
  const keyboard = new InlineKeyboard();
  listed.forEach((link, index) => {
    const label = listed.length === 1 ? t("duplicate-retag") : `${t("duplicate-retag")} ${index + 1}`;
    keyboard.text(label, retagCallback(link.id));
    if (index % 3 === 2) keyboard.row();
  });
  return { text, keyboard };
}
