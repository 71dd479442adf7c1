import { GrammyError, type Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { translatorFor } from "../telegram/i18n.js";
import type { DB } from "../db/connection.js";
import { createPacer } from "../digest/pacer.js";
import { dueAtOn } from "../digest/schedule.js";
import type { Logger } from "../logger.js";
import { periodicJob, type PeriodicJob } from "./periodic.js";
import { claimDigest, dueDigestUsers, finishDigest, scheduleDigestRetry, setDigestNextAt, updateDigestSettings, type DigestUser } from "../store/digest.js";
import { rememberLinkMessage } from "../store/links.js";
import { addDays, localDate } from "../time/local-date.js";
import { buildDigest } from "../digest-delivery/build.js";
import { digestKeyboard } from "../digest-delivery/keyboard.js";

export interface DigestSchedulerDeps {
  db: DB;
  api: Api;
  i18n: I18n<any>;
  logger: Logger;
  clock: () => number;
  sendsPerSecond: number;
  /** First retry delay after a temporary failure; doubles with each attempt. */
  retryBaseMs: number;
}

/** `tick` sends every digest due now. */
export interface DigestScheduler extends PeriodicJob {
  /** When the last run finished (epoch ms of the real clock), for health checks. */
  lastRunAt(): number | undefined;
}

const BATCH = 200;
const MAX_ATTEMPTS = 5;
// A user whose digest failed in an unexpected way is looked at again later, not in a tight loop.
const AFTER_UNEXPECTED_ERROR_MS = 15 * 60_000;

export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const { db, clock, logger } = deps;
  const pace = createPacer(deps.sendsPerSecond);
  let lastRunAt: number | undefined;

  async function send(user: DigestUser, today: string, attempts: number): Promise<void> {
    const digest = await buildDigest(db, user, clock(), translatorFor(deps.i18n, user));
    if (!digest) return await finishDigest(db, user.id, today, { status: "skipped" }, clock());
    await pace();
    try {
      const ids = digest.upNext.map((link) => link.id);
      const message = await deps.api.sendMessage(user.id, digest.text, { reply_markup: digestKeyboard(ids) });
      await finishDigest(db, user.id, today, { status: "sent", shownLinkIds: ids }, clock());
      await rememberLinkMessage(db, message.chat.id, message.message_id, ids);
    } catch (error) {
      await handleSendFailure(user, today, attempts, error);
    }
  }

  async function handleSendFailure(user: DigestUser, today: string, attempts: number, error: unknown): Promise<void> {
    if (error instanceof GrammyError && error.error_code === 403) {
      // The user blocked the bot (or deleted their account): sending again would only fail again.
      logger.warn({ userId: user.id, description: error.description }, "digest disabled: Telegram refuses messages to this user");
      await updateDigestSettings(db, user.id, { digest_enabled: 0 }, 0);
      return await finishDigest(db, user.id, today, { status: "failed" }, clock());
    }
    // Flood limits, Telegram's own failures and the network pass; any other refusal would only repeat.
    const temporary = !(error instanceof GrammyError) || error.error_code === 429 || error.error_code >= 500;
    const retryAt = clock() + deps.retryBaseMs * 2 ** (attempts - 1);
    if (!temporary || attempts >= MAX_ATTEMPTS || localDate(retryAt, user.time_zone) !== today) {
      logger.error({ err: error, userId: user.id, attempts }, "digest not sent today");
      return await finishDigest(db, user.id, today, { status: "failed" }, clock());
    }
    logger.warn({ err: error, userId: user.id, attempts, retryAt }, "digest failed, retrying later today");
    await scheduleDigestRetry(db, user.id, today, retryAt);
  }

  /** One user whose next_at has come: wait for today's time, or claim today's digest and send it. */
  async function deliver(user: DigestUser): Promise<void> {
    const now = clock();
    const today = localDate(now, user.time_zone);
    const todayDue = dueAtOn(today, user.digest_minute, user.time_zone);
    // Also the case of a bot that was down over yesterday's time: yesterday's digest is never sent late.
    if (todayDue > now) return await setDigestNextAt(db, user.id, todayDue);
    const claim = await claimDigest(db, user.id, today, now);
    // Whoever got the claim sends; everyone moves on to tomorrow's time (a temporary failure moves it back).
    await setDigestNextAt(db, user.id, dueAtOn(addDays(today, 1), user.digest_minute, user.time_zone));
    if (claim) await send(user, today, claim.attempts);
  }

  async function runDue(): Promise<void> {
    const seen = new Set<number>();
    for (;;) {
      const due = (await dueDigestUsers(db, clock(), BATCH)).filter((user) => !seen.has(user.id));
      if (due.length === 0) break;
      for (const user of due) {
        seen.add(user.id);
        await deliver(user).catch(async (error: unknown) => {
          logger.error({ err: error, userId: user.id }, "digest run failed for a user");
          await setDigestNextAt(db, user.id, clock() + AFTER_UNEXPECTED_ERROR_MS);
        });
      }
    }
    lastRunAt = Date.now();
  }

  const job = periodicJob(runDue, (error) => logger.error({ err: error }, "digest run failed"));
  return { ...job, start: (intervalMs) => job.start(intervalMs, { runNow: true }), lastRunAt: () => lastRunAt };
}
