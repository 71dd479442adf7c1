import { GrammyError, type Api } from "grammy";
import type { Translate } from "../views/translate.js";
import type { DB } from "../db/connection.js";
import { findUserLinks, rememberLinkMessage } from "../store/links.js";
import { replaceLinkTags, suggestTags, tagsOfLinks } from "../store/tags.js";
import {
  createTagQuestion,
  currentQuestion,
  findTagQuestion,
  joinableQuestion,
  joinedGroups,
  questionLinkIds,
  queuedQuestions,
  updateTagQuestion,
  type QuestionChange,
  type TagQuestion,
} from "../store/tag-questions.js";
import type { Redraws } from "./redraws.js";
import { renderQuestion, tagKeyboard, type QuestionContent } from "./view.js";

/** What the question functions need from their caller: a handler's context, or a background job's. */
export interface QuestionPort {
  db: DB;
  api: Api;
  t: Translate;
  clock: () => number;
  timeoutMs: number;
  timeZone: string;
  redraws: Redraws;
}

/** The links of one message, just saved. */
export interface SavedMessage {
  userId: number;
  chatId: number;
  messageId: number;
  newIds: number[];
  knownIds: number[];
  mediaGroupId: string | null;
}

// Telegram delivers a multi-forward within a second or two; a message this soon after the last joins its save.
export const BURST_MS = 3000;
const SUGGESTION_COUNT = 8;

const unique = <T>(items: Iterable<T>) => [...new Set(items)];

async function loadContent(port: QuestionPort, question: TagQuestion, alsoUntagged?: QuestionContent["alsoUntagged"]): Promise<QuestionContent> {
  const ids = questionLinkIds(question);
  const [links, known] = await Promise.all([findUserLinks(port.db, question.userId, ids), findUserLinks(port.db, question.userId, question.knownIds)]);
  const tags = await tagsOfLinks(port.db, [...ids, ...question.knownIds]);
  const byId = new Map(links.map((link) => [link.id, link]));
  return {
    links: ids.flatMap((id) => byId.get(id) ?? []),
    known: known.map((link) => ({ ...link, tags: tags.get(link.id) ?? [] })),
    tags: unique(ids.flatMap((id) => tags.get(id) ?? [])).sort(),
    timeZone: port.timeZone,
    ...(alsoUntagged ? { alsoUntagged } : {}),
  };
}

/** The tag buttons, fixed when first shown so their indexes stay valid: a re-tag preselects the links' common tags. */
async function withOptions(port: QuestionPort, question: TagQuestion): Promise<TagQuestion> {
  if (question.options.length > 0) return question;
  const ids = questionLinkIds(question);
  const lists = [...(await tagsOfLinks(port.db, ids)).values()];
  const common = (lists[0] ?? []).filter((tag) => lists.length === ids.length && lists.every((list) => list.includes(tag)));
  const suggestions = await suggestTags(port.db, question.userId, port.clock(), SUGGESTION_COUNT);
  const change = { options: unique([...common, ...suggestions]), selected: question.retag ? common : question.selected };
  await updateTagQuestion(port.db, question.id, change);
  return { ...question, ...change };
}

async function change(port: QuestionPort, question: TagQuestion, fields: QuestionChange): Promise<TagQuestion> {
  await updateTagQuestion(port.db, question.id, fields);
  return { ...question, ...fields } as TagQuestion;
}

const isNotModified = (error: unknown) => error instanceof GrammyError && /message is not modified/.test(error.description);

/** Shows the question's current state in its message. */
export async function redrawQuestion(port: QuestionPort, question: TagQuestion, alsoUntagged?: QuestionContent["alsoUntagged"]): Promise<void> {
  if (question.messageId === null) return;
  port.redraws.cancel(question.id);
  const view = renderQuestion(port.t, question, await loadContent(port, question, alsoUntagged));
  await port.api
    .editMessageText(question.chatId, question.messageId, view.text, view.keyboard ? { reply_markup: view.keyboard } : {})
    .catch((error: unknown) => {
      if (!isNotModified(error)) throw error;
    });
}

/** Sends the question as a new message, which from then on is the one it lives in. */
async function sendQuestion(port: QuestionPort, question: TagQuestion, replyTo?: number): Promise<TagQuestion> {
  const view = renderQuestion(port.t, question, await loadContent(port, question));
  const sent = await port.api.sendMessage(question.chatId, view.text, {
    ...(view.keyboard ? { reply_markup: view.keyboard } : {}),
    ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
  });
  await rememberLinkMessage(port.db, question.chatId, sent.message_id, [...questionLinkIds(question), ...question.knownIds]);
  return await change(port, question, { messageId: sent.message_id });
}

const asksAbout = (question: TagQuestion) => questionLinkIds(question).length > 0;

/**
 * Answers a message whose links were just saved. Within a burst it joins the save shown last (one message that
 * updates in place); behind an open question it waits in line; otherwise it asks at once.
 */
export async function offerSavedLinks(port: QuestionPort, saved: SavedMessage): Promise<void> {
  const now = port.clock();
  const joinable = await joinableQuestion(port.db, saved.chatId, now - BURST_MS);
  if (joinable) return await joinQuestion(port, joinable, saved);
  const waiting = saved.newIds.length > 0 && (await currentQuestion(port.db, saved.chatId)) !== undefined;
  // Links sent again ask nothing: their reply is settled at once, yet a burst may still join it.
  const status = waiting ? "queued" : saved.newIds.length > 0 ? "open" : "done";
  let question = await createTagQuestion(port.db, {
    userId: saved.userId,
    chatId: saved.chatId,
    status,
    groups: saved.newIds.length > 0 ? [saved.newIds] : [],
    knownIds: saved.knownIds,
    mediaGroupId: saved.mediaGroupId,
    now,
    expiresAt: status === "open" && saved.newIds.length > 0 ? now + port.timeoutMs : null,
  });
  if (status === "open" && asksAbout(question)) question = await withOptions(port, question);
  try {
    await sendQuestion(port, question, waiting ? saved.messageId : undefined);
  } catch (error) {
    // A question nobody can see must not collect the next links; they are saved and asked about anew.
    await updateTagQuestion(port.db, question.id, { status: "closed", expiresAt: null });
    throw error;
  }
}

async function joinQuestion(port: QuestionPort, question: TagQuestion, saved: SavedMessage): Promise<void> {
  const now = port.clock();
  const sameAlbum = saved.mediaGroupId !== null && saved.mediaGroupId === question.mediaGroupId;
  const asksNow = question.status !== "queued" && saved.newIds.length > 0;
  let joined = await change(port, question, {
    groups: joinedGroups(question, saved.newIds, saved.mediaGroupId),
    knownIds: unique([...question.knownIds, ...saved.knownIds]),
    messageCount: question.messageCount + (sameAlbum ? 0 : 1),
    touchedAt: now,
    ...(asksNow ? { status: "open" as const, expiresAt: now + port.timeoutMs } : {}),
  });
  if (joined.status === "open" && asksAbout(joined)) joined = await withOptions(port, joined);
  if (joined.messageId !== null) await rememberLinkMessage(port.db, joined.chatId, joined.messageId, [...saved.newIds, ...saved.knownIds]);
  port.redraws.schedule(joined.id, async () => {
    const current = await findTagQuestion(port.db, joined.userId, joined.id);
    if (current) await redrawQuestion(port, current);
  });
}

/** Asks an open question in a new message, with its tag buttons. */
export async function askQuestion(port: QuestionPort, question: TagQuestion): Promise<void> {
  await sendQuestion(port, await withOptions(port, question));
}

/** The next question waiting in line, asked in a message of its own. */
export async function askNextQueued(port: QuestionPort, chatId: number): Promise<void> {
  const [next] = await queuedQuestions(port.db, chatId);
  if (!next) return;
  await askQuestion(port, await change(port, next, { status: "open", expiresAt: port.clock() + port.timeoutMs, touchedAt: port.clock() }));
}

/** Tags every link of the question (exactly these tags), shows the confirmation and asks the next one in line. */
export async function settleWithTags(port: QuestionPort, question: TagQuestion, tags: readonly string[]): Promise<void> {
  await replaceLinkTags(port.db, question.userId, questionLinkIds(question), tags, port.clock());
  const done = await change(port, question, { status: "done", selected: [...tags], pendingText: null, touchedAt: port.clock(), expiresAt: null });
  await redrawQuestion(port, done);
  await askNextQueued(port, question.chatId);
}

/** Skip: saved without tags, with a button to tag after all. */
export async function settleUntagged(port: QuestionPort, question: TagQuestion): Promise<void> {
  const done = await change(port, question, { status: "done", pendingText: null, touchedAt: port.clock(), expiresAt: null });
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
    await createTagQuestion(port.db, { userId: question.userId, chatId: question.chatId, status: "queued", groups: [group], knownIds: [], mediaGroupId: null, now: port.clock(), expiresAt: null });
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
  const merged = first && (await change(port, first, { status: "closed", groups: waiting.flatMap((q) => q.groups), messageCount: waiting.length, touchedAt: port.clock() }));
  for (const other of rest) await change(port, other, { status: "done", groups: [] });
  const alsoUntagged = merged && { questionId: merged.id, count: questionLinkIds(merged).length };
  for (const question of open) {
    const closed = await change(port, question, { status: "closed", pendingText: null, expiresAt: null, touchedAt: port.clock() });
    if (asksAbout(closed) || closed.retag) await redrawQuestion(port, closed, question === open.at(-1) ? alsoUntagged : undefined);
  }
  return merged;
}

/** What the question functions keep between updates: the configured time-out and the pending redraws. */
export interface QuestionDeps {
  timeoutMs: number;
  redraws: Redraws;
}

/** A handler's port: anything shaped like the bot's context (kept structural so this module needs no grammY context). */
export function portOf(ctx: { db: DB; api: Api; t: Translate; clock: () => number; user: { time_zone: string } }, deps: QuestionDeps): QuestionPort {
  return { db: ctx.db, api: ctx.api, t: ctx.t, clock: ctx.clock, timeZone: ctx.user.time_zone, timeoutMs: deps.timeoutMs, redraws: deps.redraws };
}
