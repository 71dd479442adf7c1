import type { Selectable } from "kysely";
import type { DB } from "../db/connection.js";
import type { TagQuestionsTable } from "../db/schema.js";

/** A tag question as the code sees it: JSON columns parsed here, once. */
export interface TagQuestion {
  id: number;
  userId: number;
  chatId: number;
  messageId: number | null;
  status: TagQuestionsTable["status"];
  /** The new links of each message that joined, one group per message. */
  groups: number[][];
  knownIds: number[];
  messageCount: number;
  mediaGroupId: string | null;
  mode: "together" | "split" | null;
  retag: boolean;
  options: string[];
  selected: string[];
  /** Words the bot asked about (tags or a note? tag the last links?), with the message they came in. */
  pending: PendingWords | null;
  touchedAt: number;
  expiresAt: number | null;
}

/** The user's message a question about their words refers to. */
export interface PendingWords {
  text: string;
  messageId: number;
}

export interface NewTagQuestion {
  userId: number;
  chatId: number;
  status: "queued" | "open" | "done";
  groups: number[][];
  knownIds: number[];
  mediaGroupId: string | null;
  retag?: boolean;
  /** Preselected tags: a re-tag starts from the link's current ones. */
  selected?: string[];
  now: number;
  expiresAt: number | null;
}

function toQuestion(row: Selectable<TagQuestionsTable>): TagQuestion {
  return {
    id: row.id,
    userId: row.user_id,
    chatId: row.chat_id,
    messageId: row.message_id,
    status: row.status,
    groups: JSON.parse(row.link_groups) as number[][],
    knownIds: JSON.parse(row.known_ids) as number[],
    messageCount: row.message_count,
    mediaGroupId: row.media_group_id,
    mode: row.mode,
    retag: row.retag === 1,
    options: JSON.parse(row.options) as string[],
    selected: JSON.parse(row.selected) as string[],
    pending: row.pending_text === null ? null : (JSON.parse(row.pending_text) as PendingWords),
    touchedAt: row.touched_at,
    expiresAt: row.expires_at,
  };
}

/** Every new link the question is about, in the order they came. */
export const questionLinkIds = (question: Pick<TagQuestion, "groups">): number[] => question.groups.flat();

export async function createTagQuestion(db: DB, question: NewTagQuestion): Promise<TagQuestion> {
  const row = await db
    .insertInto("tag_questions")
    .values({
      user_id: question.userId,
      chat_id: question.chatId,
      status: question.status,
      link_groups: JSON.stringify(question.groups),
      known_ids: JSON.stringify(question.knownIds),
      message_count: 1,
      media_group_id: question.mediaGroupId,
      retag: question.retag ? 1 : 0,
      selected: JSON.stringify(question.selected ?? []),
      created_at: question.now,
      touched_at: question.now,
      expires_at: question.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toQuestion(row);
}

/** The user's own question: ids from buttons are never trusted. */
export async function findTagQuestion(db: DB, userId: number, id: number): Promise<TagQuestion | undefined> {
  const row = await db.selectFrom("tag_questions").selectAll().where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return row && toQuestion(row);
}

/**
 * The question a new message with links joins: the chat's latest one, still open or queued, that the user has
 * not touched and that grew within `since`. A burst of forwards thereby becomes one save.
 */
export async function joinableQuestion(db: DB, chatId: number, since: number): Promise<TagQuestion | undefined> {
  const question = await latestTouched(db, chatId, since, ["open", "queued", "done"]);
  if (!question || question.mode !== null || question.selected.length > 0 || question.pending !== null || question.retag) return undefined;
  // A settled question is joined only when it asked nothing (links sent again); a question whose message could
  // not be sent is one the user never saw.
  if (question.status === "done") return questionLinkIds(question).length === 0 && question.messageId !== null ? question : undefined;
  return question.status === "queued" || question.messageId !== null ? question : undefined;
}

/** The chat's question touched last since `since` whose status is one of `statuses`. */
async function latestTouched(db: DB, chatId: number, since: number, statuses: readonly TagQuestion["status"][]): Promise<TagQuestion | undefined> {
  const row = await db
    .selectFrom("tag_questions")
    .selectAll()
    .where("chat_id", "=", chatId)
    .where("status", "in", statuses)
    .where("touched_at", ">=", since)
    .orderBy("touched_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && toQuestion(row);
}

/** The chat's open questions that ask about links, most recently shown or used first. */
export async function openQuestions(db: DB, chatId: number): Promise<TagQuestion[]> {
  const rows = await db
    .selectFrom("tag_questions")
    .selectAll()
    .where("chat_id", "=", chatId)
    .where("status", "=", "open")
    .orderBy("touched_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toQuestion).filter((question) => question.messageId !== null && (questionLinkIds(question).length > 0 || question.retag));
}

/** The open question typed answers go to: the one most recently shown or used. */
export async function currentQuestion(db: DB, chatId: number): Promise<TagQuestion | undefined> {
  return (await openQuestions(db, chatId))[0];
}

/** The question answered or closed last in this chat, after `since`: late tags are offered for it. */
export async function lastSettledQuestion(db: DB, chatId: number, since: number): Promise<TagQuestion | undefined> {
  const question = await latestTouched(db, chatId, since, ["done", "closed"]);
  return question && questionLinkIds(question).length > 0 ? question : undefined;
}

export async function queuedQuestions(db: DB, chatId: number): Promise<TagQuestion[]> {
  const rows = await db.selectFrom("tag_questions").selectAll().where("chat_id", "=", chatId).where("status", "=", "queued").orderBy("id").execute();
  return rows.map(toQuestion);
}

/** Open questions whose time is up, for the sweeper to close. */
export async function expiredQuestions(db: DB, now: number, limit: number): Promise<TagQuestion[]> {
  const rows = await db
    .selectFrom("tag_questions")
    .selectAll()
    .where("status", "=", "open")
    .where("expires_at", "<=", now)
    .orderBy("expires_at")
    .limit(limit)
    .execute();
  return rows.map(toQuestion);
}

export interface QuestionChange {
  status?: TagQuestion["status"];
  messageId?: number | null;
  groups?: number[][];
  knownIds?: number[];
  messageCount?: number;
  mode?: "together" | "split" | null;
  options?: string[];
  selected?: string[];
  pending?: PendingWords | null;
  expiresAt?: number | null;
  touchedAt?: number;
}

/** Writes the given fields; JSON columns are encoded here, as they are decoded in toQuestion. */
export async function updateTagQuestion(db: DB, id: number, change: QuestionChange): Promise<void> {
  const json = (value: unknown) => JSON.stringify(value);
  await db
    .updateTable("tag_questions")
    .set({
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.messageId !== undefined ? { message_id: change.messageId } : {}),
      ...(change.groups !== undefined ? { link_groups: json(change.groups) } : {}),
      ...(change.knownIds !== undefined ? { known_ids: json(change.knownIds) } : {}),
      ...(change.messageCount !== undefined ? { message_count: change.messageCount } : {}),
      ...(change.mode !== undefined ? { mode: change.mode } : {}),
      ...(change.options !== undefined ? { options: json(change.options) } : {}),
      ...(change.selected !== undefined ? { selected: json(change.selected) } : {}),
      ...(change.pending !== undefined ? { pending_text: change.pending === null ? null : json(change.pending) } : {}),
      ...(change.expiresAt !== undefined ? { expires_at: change.expiresAt } : {}),
      ...(change.touchedAt !== undefined ? { touched_at: change.touchedAt } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** One message's links join a question: an album's later parts join its group, anything else adds a group. */
export function joinedGroups(question: Pick<TagQuestion, "groups" | "mediaGroupId">, ids: readonly number[], mediaGroupId: string | null): number[][] {
  const known = new Set(questionLinkIds(question));
  const fresh = ids.filter((id) => !known.has(id));
  if (fresh.length === 0) return question.groups;
  const sameAlbum = mediaGroupId !== null && mediaGroupId === question.mediaGroupId && question.groups.length > 0;
  if (sameAlbum) return [...question.groups.slice(0, -1), [...question.groups.at(-1)!, ...fresh]];
  return [...question.groups, fresh];
}

/** The user's questions touched since `since` that show this link: a title fetched soon after a save is shown in them. */
export async function recentQuestionsOf(db: DB, linkId: number, since: number): Promise<TagQuestion[]> {
  const rows = await db
    .selectFrom("tag_questions")
    .selectAll()
    .where("user_id", "=", (eb) => eb.selectFrom("links").select("user_id").where("id", "=", linkId))
    .where("touched_at", ">=", since)
    .where("message_id", "is not", null)
    .execute();
  return rows.map(toQuestion).filter((question) => questionLinkIds(question).includes(linkId) || question.knownIds.includes(linkId));
}
