import { describe, expect, it } from "vitest";
import { eventually } from "../support/bot-process.js";
import { nextMessage, TAG_QUESTION } from "../support/chat.js";
import { botHarness } from "../support/harness.js";

const FLOOD = 40;

/** One user flooding the bot is slowed down, told once, and does not starve another user. */
describe("per-user rate limit", () => {
  // Debug logs carry one "update handled" line per update: the observable end of each one's processing.
  const harness = botHarness({ RATE_LIMIT_UPDATES: "5", LOG_LEVEL: "debug" });

  it("answers the first five messages of a flood, says 'slow down' once, and keeps serving others", async () => {
    const since = harness.emulator.mark();
    const flooder = harness.emulator.user({ id: 8001 });
    for (let i = 0; i < FLOOD; i++) flooder.sendText(`message ${i} without a link`);

    const handled = () => harness.bot.output().split("\n").filter((line) => line.includes('"chat_id":8001') && line.includes("update handled")).length;
    await eventually(() => handled() >= FLOOD, `all ${FLOOD} flood updates to be handled`, 15_000);

    const toFlooder = harness.emulator.callsOf("sendMessage", since).filter((c) => Number(c.payload.chat_id) === 8001).map((c) => String(c.payload.text));
    expect(toFlooder.filter((text) => text.includes("found no links"))).toHaveLength(5);
    expect(toFlooder.filter((text) => text.includes("sending faster than I can read"))).toHaveLength(1);

    const other = harness.emulator.mark();
    harness.emulator.user({ id: 8002 }).sendText("https://example.org/not-starved");
    await nextMessage(harness.emulator, 8002, other, TAG_QUESTION);
  });
});
