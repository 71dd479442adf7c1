import { describe, expect, it } from "vitest";
import { nextMessage } from "../support/chat.js";
import type { EmulatedUser, Fault } from "../../src/emulator/index.js";
import { appHarness } from "../support/harness.js";

const NO_LINKS = /I found no links/;
const HELP = /keeps your links/;

/**
 * Telegram answering getUpdates or sendMessage with 429, 5xx or a dropped connection (issue 7): the bot
 * retries, loses no update, answers each once, and keeps serving the other chats.
 */
describe("Telegram failing getUpdates and sendMessage", () => {
  // Back-offs of 100, 200 and 400 ms keep the file short and still leave one chat failing for most of a second.
  const harness = appHarness({ TELEGRAM_RETRY_BASE_MS: "100" });
  let lastUserId = 7000;
  const newUser = () => harness.emulator.user({ id: ++lastUserId });

  const kind = (text: string) => (HELP.test(text) ? "help" : NO_LINKS.test(text) ? "no-links" : text);
  /** Every sendMessage to the chat since `since`, as "status kind": what Telegram saw, retries included. */
  const sendsTo = (chatId: number, since: number) =>
    harness.emulator
      .callsOf("sendMessage", since)
      .filter((c) => Number(c.payload.chat_id) === chatId)
      .map((c) => `${c.response.ok ? 200 : (c.response.error_code ?? "dropped")} ${kind(String(c.payload.text))}`);

  /**
   * Ends a chat's updates with /help and waits for its answer: updates of one chat are handled in order,
   * so every update sent before it has been answered by then, duplicates included.
   */
  async function allAnswered(user: EmulatedUser, since: number) {
    user.command("/help");
    await nextMessage(harness.emulator, user.id, since, HELP);
  }

  async function survivesGetUpdatesFault(fault: Fault, times = 1) {
    const [ada, bob] = [newUser(), newUser()];
    const since = harness.emulator.mark();
    harness.emulator.failNext("getUpdates", fault, times);
    // Ends the poll that is waiting, so the bot's next getUpdates is the one that fails.
    ada.sendText("before the fault");
    await harness.emulator.waitForCall("getUpdates", (c) => !c.response.ok, { since });
    ada.sendText("queued one");
    bob.sendText("queued two");
    ada.sendText("queued three");
    bob.sendText("queued four");
    await Promise.all([allAnswered(ada, since), allAnswered(bob, since)]);
    expect(harness.emulator.callsOf("getUpdates", since).filter((c) => !c.response.ok)).toHaveLength(times);
    expect(sendsTo(ada.id, since)).toEqual(["200 no-links", "200 no-links", "200 no-links", "200 help"]);
    expect(sendsTo(bob.id, since)).toEqual(["200 no-links", "200 no-links", "200 help"]);
  }

  it("getUpdates answering 429 with retry_after: updates queued meanwhile in two chats are all answered once", async () => {
    await survivesGetUpdatesFault({ status: 429, retryAfter: 1 });
  });

  it("getUpdates answering 500: updates queued meanwhile in two chats are all answered once", async () => {
    await survivesGetUpdatesFault({ status: 500 });
  });

  it("getUpdates answering 502: updates queued meanwhile in two chats are all answered once", async () => {
    await survivesGetUpdatesFault({ status: 502 });
  });

  it("getUpdates losing its connection: updates queued meanwhile in two chats are all answered once", async () => {
    await survivesGetUpdatesFault({ drop: true });
  });

  it("getUpdates failing longer than the fetch layer retries: the bot polls again and nothing is lost", async () => {
    // Four failures exhaust one request's retries below grammY; the transformer above them (keepTrying) must carry on.
    await survivesGetUpdatesFault({ status: 502 }, 6);
  });

  it.each([500, 502] as const)("sendMessage answering %i once: the reply is retried and arrives once", async (status) => {
    const ada = newUser();
    harness.emulator.failNext("sendMessage", { status, chatId: ada.id });
    const since = harness.emulator.mark();
    ada.sendText("hello");
    await allAnswered(ada, since);
    expect(sendsTo(ada.id, since)).toEqual([`${status} no-links`, "200 no-links", "200 help"]);
  });

  it("another chat is answered while one chat's reply keeps failing, and that reply still arrives once", async () => {
    const [ada, bob] = [newUser(), newUser()];
    // Three failures keep Ada's reply retrying for 700 ms of back-off; Bob's answer takes milliseconds.
    harness.emulator.failNext("sendMessage", { status: 502, chatId: ada.id }, 3);
    const since = harness.emulator.mark();
    ada.sendText("hello");
    const sendTo = (user: EmulatedUser, ok: boolean) =>
      harness.emulator.waitForCall("sendMessage", (c) => Number(c.payload.chat_id) === user.id && c.response.ok === ok, { since });
    await sendTo(ada, false);
    bob.sendText("meanwhile");
    const bobAnswered = await sendTo(bob, true);
    const adaAnswered = await sendTo(ada, true);
    expect(bobAnswered.index).toBeLessThan(adaAnswered.index);
    await Promise.all([allAnswered(ada, since), allAnswered(bob, since)]);
    expect(sendsTo(ada.id, since)).toEqual(["502 no-links", "502 no-links", "502 no-links", "200 no-links", "200 help"]);
    expect(sendsTo(bob.id, since)).toEqual(["200 no-links", "200 help"]);
  });
});
