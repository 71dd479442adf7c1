import { GrammyError, type Api } from "grammy";
import type { Translate } from "../views/translate.js";
import type { DB } from "../db/connection.js";
import { findUserLinks, rememberLinkMessage } from "../store/links.js";
import { suggestTags, tagsOfLinks } from "../store/tags.js";
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
import { renderQuestion, type QuestionContent } from "./view.js";

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
    now: port.clock(),
    ...(alsoUntagged ? { alsoUntagged } : {}),
  };
}

/** The tag buttons, fixed when first shown so their indexes stay valid: a re-tag preselects the links' common tags. */
export async function withOptions(port: QuestionPort, question: TagQuestion): Promise<TagQuestion> {
  if (question.options.length > 0) return question;
  const ids = questionLinkIds(question);
  const lists = [...(await tagsOfLinks(port.db, ids)).values()];
  const common = (lists[0] ?? []).filter((tag) => lists.length === ids.length && lists.every((list) => list.includes(tag)));
  const suggestions = await suggestTags(port.db, question.userId, port.clock(), SUGGESTION_COUNT);
  const change = { options: unique([...common, ...suggestions]), selected: question.retag ? common : question.selected };
  await updateTagQuestion(port.db, question.id, change);
  return { ...question, ...change };
}

export async function change(port: QuestionPort, question: TagQuestion, fields: QuestionChange): Promise<TagQuestion> {
  await updateTagQuestion(port.db, question.id, fields);
  return { ...question, ...fields } as TagQuestion;
}

export const isNotModified = (error: unknown) => error instanceof GrammyError && /message is not modified/.test(error.description);

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

export const asksAbout = (question: TagQuestion) => questionLinkIds(question).length > 0;

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

/** What the question functions keep between updates: the configured time-out and the pending redraws. */
export interface QuestionDeps {
  timeoutMs: number;
  redraws: Redraws;
}

/** A handler's port: anything shaped like the bot's context (kept structural so this module needs no grammY context). */
export function portOf(ctx: { db: DB; api: Api; t: Translate; clock: () => number; user: { time_zone: string } }, deps: QuestionDeps): QuestionPort {
  return { db: ctx.db, api: ctx.api, t: ctx.t, clock: ctx.clock, timeZone: ctx.user.time_zone, timeoutMs: deps.timeoutMs, redraws: deps.redraws };
}
