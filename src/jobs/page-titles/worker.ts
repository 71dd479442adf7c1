import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { translatorFor } from "../../telegram/i18n.js";
import type { DB } from "../../db/connection.js";
import { fetchPageInfo } from "../../fetch/fetch-page.js";
import type { FetchOptions } from "../../fetch/options.js";
import { isFailure } from "../../fetch/types.js";
import type { Logger } from "../../logger.js";
import { periodicJob, type PeriodicJob } from "../periodic.js";
import { claimFetch, dueFetches, recordFetchedPage, recordFetchFailure, takeRefetchAnswers, type DueFetch } from "../../store/page-info.js";
import { findUserLinks } from "../../store/links.js";
import { redrawQuestion } from "../../questions/flow.js";
import type { Redraws } from "../../questions/redraws.js";
import { recentQuestionsOf } from "../../store/tag-questions.js";
import { findUser } from "../../store/users.js";
import { isPassing, pageFacts } from "./page-facts.js";
import { planFetches } from "./polite.js";
import { refetchAnswerText, type RefetchOutcome } from "./refetch-answer.js";

export interface PageTitleWorkerDeps {
  db: DB;
  api: Api;
  i18n: I18n<any>;
  logger: Logger;
  clock: () => number;
  fetchOptions: Partial<FetchOptions>;
  /** The bot's pending redraws of tag questions, so a title and a burst never edit one message at once. */
  redraws: Redraws;
  questionTimeoutMs: number;
}

/**
 * `tick` fetches the due live saves, and starts background fetches (imports) without waiting for them; `stop`
 * waits for those too.
 */
export type PageTitleWorker = PeriodicJob;

const BATCH = 20;
// How far down the queue a tick looks for background links on hosts it is not fetching from yet.
const WINDOW = 100;
// Background fetches in flight at once: the fetcher's other places stay free for live saves.
const BACKGROUND_AT_ONCE = 2;
// Attempts after the first, with their delays: a page down for a minute or an hour still gets its title.
const RETRY_DELAYS_MS = [60_000, 15 * 60_000, 6 * 3_600_000];
// A title arriving later than this is not worth editing an old message for; lists show it anyway.
const CONFIRMATION_WINDOW_MS = 10 * 60_000;
// Longer than any fetch may take, so a claimed link is not fetched twice, and retried if this process dies.
const LEASE_MS = 5 * 60_000;
// A /refetch answer is edited with the outcome only this long after the command: longer than the lease, so a
// restart in the middle of the fetch still reports, and the first retry of a passing failure reports too.
const REFETCH_ANSWER_WINDOW_MS = 10 * 60_000;

export function createPageTitleWorker(deps: PageTitleWorkerDeps): PageTitleWorker {
  const { db, clock, logger } = deps;
  // Hosts a background fetch is talking to, with that fetch; a tick starts another only on a host not in here.
  const background = new Map<string, Promise<void>>();

  /** Redraws the recent tag questions and confirmations that list this link, now that its title is known. */
  async function showInQuestions(linkId: number): Promise<void> {
    for (const question of await recentQuestionsOf(db, linkId, clock() - CONFIRMATION_WINDOW_MS)) {
      const user = await findUser(db, question.userId);
      const t = translatorFor(deps.i18n, user);
      const port = { db, api: deps.api, t, clock, timeZone: user?.time_zone ?? "UTC", timeoutMs: deps.questionTimeoutMs, redraws: deps.redraws };
      await redrawQuestion(port, question).catch((error: unknown) => logger.debug({ err: error, linkId }, "could not show the fetched title in the question"));
    }
  }

  /** Edits the answers of /refetch that wait for this link's fetch: its title, or why there is none. */
  async function tellRefetchers(linkId: number, outcome: RefetchOutcome): Promise<void> {
    const answers = await takeRefetchAnswers(db, linkId, clock() - REFETCH_ANSWER_WINDOW_MS, outcome.kind === "fetched" || !outcome.retry);
    for (const answer of answers) {
      const [user, [link]] = await Promise.all([findUser(db, answer.userId), findUserLinks(db, answer.userId, [linkId])]);
      if (!link) continue;
      const text = refetchAnswerText(translatorFor(deps.i18n, user), link, outcome);
      // The answer may have been deleted, or already say this after an earlier attempt: nothing to do about either.
      await deps.api
        .editMessageText(answer.chatId, answer.messageId, text)
        .catch((error: unknown) => logger.debug({ err: error, linkId }, "could not edit the /refetch answer"));
    }
  }

  async function fetchOne(link: DueFetch): Promise<void> {
    if (!(await claimFetch(db, link.id, clock() + LEASE_MS, clock()))) return;
    const result = await fetchPageInfo(link.url, deps.fetchOptions);
    if (!isFailure(result)) {
      await recordFetchedPage(db, link.id, pageFacts(result));
      await showInQuestions(link.id);
      return await tellRefetchers(link.id, { kind: "fetched" });
    }
    const delay = isPassing(result) ? RETRY_DELAYS_MS[link.fetch_attempts] : undefined;
    logger.debug({ linkId: link.id, reason: result.reason, retry: delay !== undefined }, "page fetch failed");
    await recordFetchFailure(db, link.id, delay === undefined ? null : clock() + delay);
    await tellRefetchers(link.id, { kind: "failed", failure: result, retry: delay !== undefined });
  }

  const fetchLogged = (link: DueFetch) => fetchOne(link).catch((error: unknown) => logger.error({ err: error, linkId: link.id }, "page fetch crashed"));

  async function runDue(): Promise<void> {
    const plan = planFetches(await dueFetches(db, clock(), WINDOW), new Set(background.keys()), { live: BATCH, background: BACKGROUND_AT_ONCE });
    // Not awaited: a slow site in a large import must not hold the next tick's live saves.
    for (const { link, host } of plan.background) {
      background.set(
        host,
        fetchLogged(link).finally(() => background.delete(host)),
      );
    }
    // The fetcher's own limiter caps how many connections are open at once.
    await Promise.all(plan.live.map(fetchLogged));
  }

  const job = periodicJob(runDue, (error) => logger.error({ err: error }, "page fetch run failed"));
  return {
    ...job,
    async stop() {
      await job.stop();
      await Promise.all(background.values());
    },
  };
}
