import { InlineKeyboard } from "grammy";
import type { Translate } from "../views/translate.js";
import type { TaggedLink } from "../capture/capture-links.js";
import type { TagQuestion } from "../store/tag-questions.js";
import { truncate } from "../views/html.js";
import { linkLines, tagList, type LinkLike } from "../views/links.js";
import { questionButton } from "./callback-data.js";
import { knownLinksReply } from "./known-links.js";

/** Everything a question's message shows besides the row itself. */
export interface QuestionContent {
  /** The new links, in the order they came. */
  links: LinkLike[];
  known: Pick<TaggedLink, "id" | "url" | "title" | "saved_at" | "tags">[];
  /** Tags the new links carry now, for the confirmation. */
  tags: string[];
  timeZone: string;
  /** Now, in epoch ms: which dates need their year. */
  now: number;
  /** Links queued behind a question that closed with it, offered with their own button. */
  alsoUntagged?: { questionId: number; count: number };
}

export interface QuestionView {
  text: string;
  keyboard?: InlineKeyboard;
}

const TAGS_PER_ROW = 3;
const MAX_TAG_LABEL = 20;

export function tagKeyboard(question: Pick<TagQuestion, "id" | "options" | "selected">, t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const selected = new Set(question.selected);
  question.options.forEach((tag, index) => {
    if (index > 0 && index % TAGS_PER_ROW === 0) keyboard.row();
    keyboard.text(`${selected.has(tag) ? "✅ " : ""}#${truncate(tag, MAX_TAG_LABEL)}`, questionButton(question.id, "toggle", index));
  });
  if (question.options.length > 0) keyboard.row();
  return keyboard.text(t("tag-skip"), questionButton(question.id, "skip")).text(t("tag-done"), questionButton(question.id, "done"));
}

function knownLine(t: Translate, content: QuestionContent): string {
  return content.known.length > 0 ? `\n${t("tag-known-too", { count: content.known.length })}` : "";
}

function openView(t: Translate, question: TagQuestion, content: QuestionContent): QuestionView {
  if (question.retag) return { text: t("tag-question-retag", { links: linkLines(content.links) }), keyboard: tagKeyboard(question, t) };
  if (question.messageCount > 1 && question.mode === null) {
    const text = t("tag-burst", { count: content.links.length, messages: question.messageCount, links: linkLines(content.links) }) + knownLine(t, content);
    const keyboard = new InlineKeyboard()
      .text(t("tag-burst-together"), questionButton(question.id, "together"))
      .text(t("tag-burst-one-by-one"), questionButton(question.id, "oneByOne"))
      .row()
      .text(t("tag-skip"), questionButton(question.id, "skip"));
    return { text, keyboard };
  }
  const text = t("tag-question", { count: content.links.length, links: linkLines(content.links) }) + knownLine(t, content);
  return { text, keyboard: tagKeyboard(question, t) };
}

/** A settled question: what was saved and tagged, with a button to tag it after all when it has no tags. */
function settledView(t: Translate, question: TagQuestion, content: QuestionContent): QuestionView {
  if (question.mode === "split") return { text: t("tag-burst-split", { count: content.links.length, links: linkLines(content.links) }) };
  if (content.tags.length > 0)
    return { text: t("tag-confirmation", { count: content.links.length, links: linkLines(content.links), tags: tagList(content.tags) }) };
  const keyboard = new InlineKeyboard().text(t("tag-button"), questionButton(question.id, "tag"));
  let text = t("tag-confirmation-untagged", { count: content.links.length, links: linkLines(content.links) });
  if (content.alsoUntagged) {
    text += `\n\n${t("tag-also-untagged", { count: content.alsoUntagged.count })}`;
    keyboard.text(t("tag-button-more", { count: content.alsoUntagged.count }), questionButton(content.alsoUntagged.questionId, "tag"));
  }
  return { text, keyboard };
}

/** The text and buttons of a question's message, whatever state it is in. */
export function renderQuestion(t: Translate, question: TagQuestion, content: QuestionContent): QuestionView {
  // Links sent again, and nothing new: when each was saved, with Re-tag buttons.
  if (content.links.length === 0 && !question.retag && question.status !== "queued") return knownLinksReply(t, content.known, content.timeZone, content.now);
  switch (question.status) {
    case "queued":
      return { text: t("tag-queued", { count: content.links.length }) };
    case "open":
      return openView(t, question, content);
    case "done":
    case "closed":
      return settledView(t, question, content);
  }
}
