import type { Chat } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { databaseFile, eventually } from "../support/bot-process.js";
import { nextMessage, TAG_QUESTION } from "../support/chat.js";
import { forwardOrigin, type EmulatedUser } from "../../src/emulator/index.js";
import { appHarness } from "../support/harness.js";

const FLOOD = 40;
const LINK_BURST = 100;
const SLOW_DOWN = "sending faster than I can read";

/** One user flooding the bot is slowed down, told once, and does not starve another user; links are never dropped. */
describe("per-user rate limit", () => {
  // Debug logs carry one "update handled" line per update: the observable end of each one's processing.
  const harness = appHarness({ RATE_LIMIT_UPDATES: "5", LOG_LEVEL: "debug" });
  const { all: sql } = databaseFile(() => harness.databasePath);

  const handled = (chatId: number) =>
    harness.bot
      .output()
      .split("\n")
      .filter((line) => line.includes(`"chat_id":${chatId}`) && line.includes("update handled")).length;
  const textsTo = (chatId: number, since: number) =>
    harness.emulator
      .callsOf("sendMessage", since)
      .filter((c) => Number(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));

  it("answers the first five messages of a flood, says 'slow down' once, and keeps serving others", async () => {
    const since = harness.emulator.mark();
    const flooder = harness.emulator.user({ id: 8001 });
    for (let i = 0; i < FLOOD; i++) flooder.sendText(`message ${i} without a link`);

    await eventually(() => handled(8001) >= FLOOD, `all ${FLOOD} flood updates to be handled`, 15_000);

    const toFlooder = textsTo(8001, since);
    expect(toFlooder.filter((text) => text.includes("found no links"))).toHaveLength(5);
    expect(toFlooder.filter((text) => text.includes(SLOW_DOWN))).toHaveLength(1);

    const other = harness.emulator.mark();
    harness.emulator.user({ id: 8002 }).sendText("https://example.org/not-starved");
    await nextMessage(harness.emulator, 8002, other, TAG_QUESTION);
  });

  it(`drops a flood of plain text and says so once, yet stores all of ${LINK_BURST} messages with links sent right after`, async () => {
    const since = harness.emulator.mark();
    const forwarder = harness.emulator.user({ id: 8003 });
    const channel: Chat.ChannelChat = { id: -100_8003, type: "channel", title: "Reading list" };
    // Every place a link can hide, as forwarded channel posts arrive.
    const kinds: Array<(user: EmulatedUser, url: string, i: number) => unknown> = [
      (user, url) => user.sendText(url),
      (user, url, i) => user.forward(`post ${i}`, forwardOrigin.channel(channel, i), { entities: [{ type: "text_link", offset: 0, length: 4, url }] }),
      (user, url) => user.sendCaptioned("photo", url),
      (user, url, i) => user.forward(`button ${i}`, forwardOrigin.channel(channel, i), { reply_markup: { inline_keyboard: [[{ text: "Read", url }]] } }),
    ];
    // Chatter first fills the window, so every link after it arrives over the limit.
    const PLAIN = 10;
    for (let i = 0; i < PLAIN; i++) forwarder.sendText(`chatter ${i}`);
    for (let i = 0; i < LINK_BURST; i++) kinds[i % kinds.length]!(forwarder, `https://example.org/burst-${i}`, i);

    await eventually(() => handled(8003) >= LINK_BURST + PLAIN, `all ${LINK_BURST + PLAIN} updates to be handled`, 90_000);
    const stored = sql<{ url: string }>("select url from links where user_id = 8003").map((row) => row.url);
    expect(new Set(stored)).toEqual(new Set(Array.from({ length: LINK_BURST }, (_, i) => `https://example.org/burst-${i}`)));
    const toForwarder = textsTo(8003, since);
    expect(toForwarder.filter((text) => text.includes(SLOW_DOWN))).toHaveLength(1);
  });
});
