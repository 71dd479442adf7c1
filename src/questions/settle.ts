/**
 * How a tag question is answered, reopened or closed, whoever does it: a button, typed tags, a time-out or /cancel.
 * Asking is in flow.ts.
 */
import { replaceLinkTags } from "../store/tags.js";
import { createTagQuestion, questionLinkIds, queuedQuestions, type TagQuestion } from "../store/tag-questions.js";
import { askNextQueued, askQuestion, asksAbout, change, isNotModified, redrawQuestion, withOptions, type QuestionPort } from "./flow.js";
import { tagKeyboard } from "./view.js";

/** Tags every link of the question (exactly these tags), shows the confirmation and asks the next one in line. */
export async function settleWithTags(port: QuestionPort, question: TagQuestion, tags: readonly string[]): Promise<void> {
  await replaceLinkTags(port.db, question.userId, questionLinkIds(question), tags, port.clock());
  const done = await change(port, question, { status: "done", selected: [...tags], pending: null, touchedAt: port.clock(), expiresAt: null });
  await redrawQuestion(port, done);
  await askNextQueued(port, question.chatId);
}

/** Skip: saved without tags, with a button to tag after all. */
export async function settleUntagged(port: QuestionPort, question: TagQuestion): Promise<void> {
  const done = await change(port, question, { status: "done", pending: null, touchedAt: port.clock(), expiresAt: null });
  await redrawQuestion(port, done);
  await askNextQueued(port, question.chatId);
}

/** A tag button: toggles the tag; on a question that had closed it opens it again first. */
export async function toggleTag(port: QuestionPort, question: TagQuestion, index: number): Promise<boolean> {
  const tag = question.options[index];
  if (tag === undefined) return false;
  const selected = question.selected.includes(tag) ? question.selected.filter((t) => t !== tag) : [...question.selected, tag];
  const reopened = question.status !== "open";
  const updated = await change(port, question, { selected, status: "open", touchedAt: port.clock(), expiresAt: port.clock() + port.timeoutMs });
  if (reopened || question.messageId === null) return (await redrawQuestion(port, updated), true);
  await port.api.editMessageReplyMarkup(question.chatId, question.messageId, { reply_markup: tagKeyboard(updated, port.t) }).catch((error: unknown) => {
    if (!isNotModified(error)) throw error;
  });
  return true;
}

/** "Tag all together" on a burst: one tag question for all its links. */
export async function tagTogether(port: QuestionPort, question: TagQuestion): Promise<void> {
  const together = await change(port, question, { mode: "together", status: "open", touchedAt: port.clock(), expiresAt: port.clock() + port.timeoutMs });
  await redrawQuestion(port, await withOptions(port, together));
}

/** "One by one": each message of the burst gets its own question, asked in turn. */
export async function tagOneByOne(port: QuestionPort, question: TagQuestion): Promise<void> {
  for (const group of question.groups) {
    await createTagQuestion(port.db, {
      userId: question.userId,
      chatId: question.chatId,
      status: "queued",
      groups: [group],
      knownIds: [],
      mediaGroupId: null,
      now: port.clock(),
      expiresAt: null,
    });
  }
  const split = await change(port, question, { status: "done", mode: "split", touchedAt: port.clock(), expiresAt: null });
  await redrawQuestion(port, split);
  await askNextQueued(port, question.chatId);
}

/**
 * 🏷 Tag on a saved or closed question: it opens again in its own message when that is the one pressed, else (links
 * that waited in line behind a closed question, or the /cancel reply's button) in a new message at the bottom.
 */
export async function reopenQuestion(port: QuestionPort, question: TagQuestion, pressedIn: number): Promise<void> {
  const mode = question.messageCount > 1 ? "together" : question.mode;
  const opened = await change(port, question, { status: "open", mode, touchedAt: port.clock(), expiresAt: port.clock() + port.timeoutMs });
  if (question.messageId === pressedIn) return await redrawQuestion(port, await withOptions(port, opened));
  await askQuestion(port, opened);
}

/**
 * Closes the questions still open in a chat (a time-out or /cancel): each becomes "Saved · no tags" with a 🏷 Tag
 * button. Questions waiting in line are merged into one closed question, returned so the caller can offer it.
 */
export async function closeQuestions(port: QuestionPort, open: readonly TagQuestion[]): Promise<TagQuestion | undefined> {
  const chatId = open[0]?.chatId;
  const waiting = chatId === undefined ? [] : await queuedQuestions(port.db, chatId);
  const [first, ...rest] = waiting;
  const merged =
    first && (await change(port, first, { status: "closed", groups: waiting.flatMap((q) => q.groups), messageCount: waiting.length, touchedAt: port.clock() }));
  for (const other of rest) await change(port, other, { status: "done", groups: [] });
  const alsoUntagged = merged && { questionId: merged.id, count: questionLinkIds(merged).length };
  for (const question of open) {
    const closed = await change(port, question, { status: "closed", pending: null, expiresAt: null, touchedAt: port.clock() });
    if (asksAbout(closed) || closed.retag) await redrawQuestion(port, closed, question === open.at(-1) ? alsoUntagged : undefined);
  }
  return merged;
}
