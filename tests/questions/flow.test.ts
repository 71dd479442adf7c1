import type { Api } from "grammy";
import { describe, expect, it } from "vitest";
import type { QuestionPort } from "../../src/questions/flow.js";
import { toggleTag } from "../../src/questions/settle.js";
import { Redraws } from "../../src/questions/redraws.js";
import { createTagQuestion, findTagQuestion, updateTagQuestion } from "../../src/store/tag-questions.js";
import { freshDatabaseEach } from "../support/test-db.js";

const database = freshDatabaseEach(1);

/** An Api that records the keyboards it is asked to show. */
function recordingApi() {
  const keyboards: unknown[] = [];
  const api = { editMessageReplyMarkup: async (_chat: number, _message: number, other: { reply_markup: unknown }) => void keyboards.push(other.reply_markup) };
  return { api: api as unknown as Api, keyboards };
}

const portWith = (api: Api): QuestionPort => ({
  db: database(),
  api,
  t: (key) => key,
  clock: () => 1000,
  timeoutMs: 60_000,
  timeZone: "UTC",
  redraws: new Redraws(0, () => undefined),
});

const openQuestion = () =>
  createTagQuestion(database(), { userId: 1, chatId: 1, status: "open", groups: [[1]], knownIds: [], mediaGroupId: null, now: 0, expiresAt: 60_000 });

describe("a long-open tag question", () => {
  it("stays the same size however often its buttons are pressed (issue 13: 5,000 presses)", async () => {
    const { api, keyboards } = recordingApi();
    const port = portWith(api);
    const question = await openQuestion();
    await updateTagQuestion(database(), question.id, { messageId: 7, options: ["rust", "go", "sqlite"] });
    const rowSize = async () =>
      (
        await database()
          .selectFrom("tag_questions")
          .select((eb) => eb.fn<number>("length", ["selected"]).as("n"))
          .executeTakeFirstOrThrow()
      ).n;

    for (let press = 0; press < 5000; press++) {
      const current = (await findTagQuestion(database(), 1, question.id))!;
      expect(await toggleTag(port, current, press % 3)).toBe(true);
    }
    expect(keyboards).toHaveLength(5000);
    // 5,000 presses in turn: "rust" and "go" are pressed 1,667 times each (on), "sqlite" 1,666 times (off).
    expect((await findTagQuestion(database(), 1, question.id))!.selected).toEqual(["rust", "go"]);
    expect(await rowSize()).toBeLessThan(40);
    expect(await database().selectFrom("conversation_state").selectAll().execute()).toEqual([]);
  });

  it("ignores a press on a tag index it never offered", async () => {
    const { api, keyboards } = recordingApi();
    const port = portWith(api);
    const question = await openQuestion();
    expect(await toggleTag(port, { ...question, options: ["rust"] }, 5)).toBe(false);
    expect(keyboards).toEqual([]);
  });
});
