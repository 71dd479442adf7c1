import type { Message } from "@grammyjs/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/emulator/index.js";
import { startBot, tempDatabasePath, type BotProcess } from "../support/bot-process.js";
import { button, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";

/**
 * Telegram failing an API call made inside the tag conversation must never leave the chat blocked
 * (grammyjs/conversations#155 describes such a hang with the runner's sequentialize).
 */
describe("API errors inside the tag conversation", () => {
  let emulator: Emulator;
  let bot: BotProcess;
  const database = tempDatabasePath();
  let userId = 2000;

  beforeAll(async () => {
    emulator = await startEmulator();
    bot = await startBot(emulator, database.path);
  });
  afterAll(async () => {
    await bot?.stop();
    await emulator?.close();
    database.cleanup();
  });

  /** The question that survived the fault still works: Skip closes it. */
  async function answerWithSkip(id: number, question: Message) {
    const since = emulator.mark();
    emulator.user({ id }).press(question, button(question, "Skip").callback_data);
    await nextEdit(emulator, question, since, /Tags: none/);
  }

  async function chatStillAnswers(id: number) {
    const since = emulator.mark();
    emulator.user({ id }).sendText("https://example.org/after-the-fault");
    const question = await nextMessage(emulator, id, since, TAG_QUESTION);
    const answered = emulator.mark();
    emulator.user({ id }).press(question, button(question, "Skip").callback_data);
    await nextEdit(emulator, question, answered, /Tags: none/);
  }

  it("400 on the tag question: the user is told, the link stays saved, the chat goes on", async () => {
    const id = ++userId;
    emulator.failNext("sendMessage", { status: 400, description: "Bad Request: chat not found" });
    const since = emulator.mark();
    emulator.user({ id }).sendText("https://example.org/first");
    await nextMessage(emulator, id, since, /something went wrong/);
    await chatStillAnswers(id);
  });

  it("400 on a button press inside the conversation: the chat goes on", async () => {
    const id = ++userId;
    let since = emulator.mark();
    emulator.user({ id }).sendText("https://example.org/tagged #x");
    const first = await nextMessage(emulator, id, since, TAG_QUESTION);
    since = emulator.mark();
    emulator.user({ id }).sendText("alpha");
    await nextEdit(emulator, first, since, /#alpha/);

    since = emulator.mark();
    emulator.user({ id }).sendText("https://example.org/second");
    const question = await nextMessage(emulator, id, since, TAG_QUESTION);
    emulator.failNext("editMessageReplyMarkup", { status: 400, description: "Bad Request: message to edit not found" });
    since = emulator.mark();
    emulator.user({ id }).press(question, button(question, "#alpha").callback_data);
    await emulator.waitForCall("editMessageReplyMarkup", (c) => !c.response.ok, { since });
    await chatStillAnswers(id);
  });

  it("429 with retry_after: the question is retried and sent exactly once", async () => {
    const id = ++userId;
    emulator.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const since = emulator.mark();
    emulator.user({ id }).sendText("https://example.org/flood");
    const question = await nextMessage(emulator, id, since, TAG_QUESTION);
    const sent = emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) === id);
    expect(sent.map((c) => c.response.error_code ?? 200)).toEqual([429, 200]);
    await answerWithSkip(id, question);
    await chatStillAnswers(id);
  });

  it("a dropped connection: the question is retried and the chat goes on", async () => {
    const id = ++userId;
    emulator.failNext("sendMessage", { drop: true });
    const since = emulator.mark();
    emulator.user({ id }).sendText("https://example.org/dropped");
    const question = await nextMessage(emulator, id, since, TAG_QUESTION);
    await answerWithSkip(id, question);
    await chatStillAnswers(id);
  });
});
