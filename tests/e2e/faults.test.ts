import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { appHarness } from "../support/harness.js";
import { button, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";

/** Telegram failing an API call of the tag question must never leave the chat blocked or the question stuck. */
describe("API errors around the tag question", () => {
  const harness = appHarness();
  let userId = 2000;

  /** The question that survived the fault still works: Skip closes it. */
  async function answerWithSkip(id: number, question: Message) {
    const since = harness.emulator.mark();
    harness.emulator.user({ id }).press(question, button(question, "Skip").callback_data);
    await nextEdit(harness.emulator, question, since, /no tags/);
  }

  async function chatStillAnswers(id: number) {
    const since = harness.emulator.mark();
    harness.emulator.user({ id }).sendText("https://example.org/after-the-fault");
    const question = await nextMessage(harness.emulator, id, since, TAG_QUESTION);
    const answered = harness.emulator.mark();
    harness.emulator.user({ id }).press(question, button(question, "Skip").callback_data);
    await nextEdit(harness.emulator, question, answered, /no tags/);
  }

  it("400 on the tag question: the user is told, the link stays saved, the chat goes on", async () => {
    const id = ++userId;
    harness.emulator.failNext("sendMessage", { status: 400, description: "Bad Request: chat not found" });
    const since = harness.emulator.mark();
    harness.emulator.user({ id }).sendText("https://example.org/first");
    await nextMessage(harness.emulator, id, since, /something went wrong/);
    await chatStillAnswers(id);
  });

  it("400 on a button press of the question: the question and the chat go on", async () => {
    const id = ++userId;
    let since = harness.emulator.mark();
    harness.emulator.user({ id }).sendText("https://example.org/tagged #x");
    const first = await nextMessage(harness.emulator, id, since, TAG_QUESTION);
    since = harness.emulator.mark();
    harness.emulator.user({ id }).sendText("alpha");
    await nextEdit(harness.emulator, first, since, /#alpha/);

    since = harness.emulator.mark();
    harness.emulator.user({ id }).sendText("https://example.org/second");
    const question = await nextMessage(harness.emulator, id, since, TAG_QUESTION);
    harness.emulator.failNext("editMessageReplyMarkup", { status: 400, description: "Bad Request: message to edit not found" });
    since = harness.emulator.mark();
    harness.emulator.user({ id }).press(question, button(question, "#alpha").callback_data);
    await harness.emulator.waitForCall("editMessageReplyMarkup", (c) => !c.response.ok, { since });
    // The question lives in its row, not in a conversation the error could end: it still answers, and so does the chat.
    await answerWithSkip(id, question);
    await chatStillAnswers(id);
  });

  it("429 with retry_after: the question is retried and sent exactly once", async () => {
    const id = ++userId;
    harness.emulator.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const since = harness.emulator.mark();
    harness.emulator.user({ id }).sendText("https://example.org/flood");
    const question = await nextMessage(harness.emulator, id, since, TAG_QUESTION);
    const sent = harness.emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) === id);
    expect(sent.map((c) => c.response.error_code ?? 200)).toEqual([429, 200]);
    await answerWithSkip(id, question);
    await chatStillAnswers(id);
  });

  it("a dropped connection: the question is retried and the chat goes on", async () => {
    const id = ++userId;
    harness.emulator.failNext("sendMessage", { drop: true });
    const since = harness.emulator.mark();
    harness.emulator.user({ id }).sendText("https://example.org/dropped");
    const question = await nextMessage(harness.emulator, id, since, TAG_QUESTION);
    await answerWithSkip(id, question);
    await chatStillAnswers(id);
  });
});
