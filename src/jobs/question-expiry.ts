import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import { translatorFor } from "../telegram/i18n.js";
import type { DB } from "../db/connection.js";
import type { Logger } from "../logger.js";
import { expiredQuestions, type TagQuestion } from "../store/tag-questions.js";
import { findUser } from "../store/users.js";
import { periodicJob, type PeriodicJob } from "./periodic.js";
import type { QuestionPort } from "../questions/flow.js";
import { closeQuestions } from "../questions/settle.js";
import type { Redraws } from "../questions/redraws.js";

export interface QuestionExpiryDeps {
  db: DB;
  api: Api;
  i18n: I18n<any>;
  logger: Logger;
  clock: () => number;
  timeoutMs: number;
  redraws: Redraws;
}

export type QuestionExpiry = PeriodicJob;

const BATCH = 50;

/**
 * Closes tag questions nobody answered in time, at the time, not when the user next writes: each turns into
 * "Saved · no tags" with a 🏷 Tag button, and links queued behind it get one button of their own.
 */
export function createQuestionExpiry(deps: QuestionExpiryDeps): QuestionExpiry {
  async function portFor(userId: number): Promise<QuestionPort> {
    const user = await findUser(deps.db, userId);
    const t = translatorFor(deps.i18n, user);
    return { db: deps.db, api: deps.api, t, clock: deps.clock, timeoutMs: deps.timeoutMs, timeZone: user?.time_zone ?? "UTC", redraws: deps.redraws };
  }

  async function closeChat(questions: TagQuestion[]): Promise<void> {
    await closeQuestions(await portFor(questions[0]!.userId), questions);
  }

  async function runDue(): Promise<void> {
    const due = await expiredQuestions(deps.db, deps.clock(), BATCH);
    const byChat = new Map<number, TagQuestion[]>();
    for (const question of due) byChat.set(question.chatId, [...(byChat.get(question.chatId) ?? []), question]);
    for (const questions of byChat.values()) {
      await closeChat(questions).catch((error: unknown) =>
        deps.logger.warn({ err: error, chat_id: questions[0]!.chatId }, "could not close an expired tag question"),
      );
    }
  }

  return periodicJob(runDue, (error) => deps.logger.error({ err: error }, "tag question expiry failed"));
}
