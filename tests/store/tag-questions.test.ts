import { describe, expect, it } from "vitest";
import {
  createTagQuestion,
  currentQuestion,
  expiredQuestions,
  findTagQuestion,
  joinableQuestion,
  joinedGroups,
  lastSettledQuestion,
  queuedQuestions,
  recentQuestionsOf,
  updateTagQuestion,
} from "../../src/store/tag-questions.js";
import { planRecordingDatabase } from "../support/query-plans.js";
import { freshDatabaseEach } from "../support/test-db.js";

const database = freshDatabaseEach(1, 2);

const ask = (overrides: Partial<Parameters<typeof createTagQuestion>[1]> = {}) =>
  createTagQuestion(database(), {
    userId: 1,
    chatId: 1,
    status: "open",
    groups: [[10]],
    knownIds: [],
    mediaGroupId: null,
    now: 1000,
    expiresAt: 61_000,
    ...overrides,
  });

describe("tag questions as rows", () => {
  it("reads back its JSON columns as they were written, and only for its own user", async () => {
    const question = await ask({ groups: [[1, 2], [3]], knownIds: [9], selected: ["a"] });
    expect(await findTagQuestion(database(), 1, question.id)).toMatchObject({
      groups: [[1, 2], [3]],
      knownIds: [9],
      selected: ["a"],
      retag: false,
      messageCount: 1,
    });
    expect(await findTagQuestion(database(), 2, question.id)).toBeUndefined();
  });

  it("lets a message join the latest untouched question of the burst, and no other", async () => {
    const question = await ask();
    // Not before its message is sent: a question the user never saw collects nothing.
    expect(await joinableQuestion(database(), 1, 500)).toBeUndefined();
    await updateTagQuestion(database(), question.id, { messageId: 100 });
    expect((await joinableQuestion(database(), 1, 500))?.id).toBe(question.id);
    expect(await joinableQuestion(database(), 1, 1001)).toBeUndefined();
    expect(await joinableQuestion(database(), 2, 0)).toBeUndefined();
    await updateTagQuestion(database(), question.id, { selected: ["rust"] });
    expect(await joinableQuestion(database(), 1, 500)).toBeUndefined();
  });

  it("sends typed answers to the open question shown last, never one without a message or without links", async () => {
    const older = await ask();
    const newer = await ask({ now: 2000 });
    await ask({ now: 3000, groups: [], knownIds: [5] });
    expect(await currentQuestion(database(), 1)).toBeUndefined();
    await updateTagQuestion(database(), older.id, { messageId: 100 });
    await updateTagQuestion(database(), newer.id, { messageId: 101 });
    expect((await currentQuestion(database(), 1))?.id).toBe(newer.id);
  });

  it("finds questions whose time is up, and the last settled one for late tags", async () => {
    const question = await ask();
    expect(await expiredQuestions(database(), 60_999, 10)).toEqual([]);
    expect((await expiredQuestions(database(), 61_000, 10)).map((q) => q.id)).toEqual([question.id]);
    await updateTagQuestion(database(), question.id, { status: "done", touchedAt: 5000 });
    expect((await lastSettledQuestion(database(), 1, 4000))?.id).toBe(question.id);
    expect(await lastSettledQuestion(database(), 1, 6000)).toBeUndefined();
  });

  it("keeps an album's parts in one group and gives every other message its own", () => {
    const album = { groups: [[1]], mediaGroupId: "album" };
    expect(joinedGroups(album, [2], "album")).toEqual([[1, 2]]);
    expect(joinedGroups(album, [2], null)).toEqual([[1], [2]]);
    expect(joinedGroups(album, [1], null)).toEqual([[1]]);
  });
});

describe("tag question queries at scale", () => {
  it("read ranges of one chat or one user, never every saved question", async () => {
    const { db, plansOf } = await planRecordingDatabase();
    const plans = await plansOf(async () => {
      await recentQuestionsOf(db, 1, 0);
      await currentQuestion(db, 1);
      await queuedQuestions(db, 1);
      await joinableQuestion(db, 1, 0);
      await lastSettledQuestion(db, 1, 0);
    });
    expect(plans).toHaveLength(5);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN tag_questions/);
    expect(plans[0]).toContain("USING INDEX tag_questions_user_touched");
    await db.destroy();
  });
});
