import { BotError } from "grammy";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/telegram/context.js";
import { handleUpdateError } from "../../src/bot/middlewares/error-boundary.js";

/** Just what the boundary touches of a context: what it says, and where. */
function button({ alreadyAnswered }: { alreadyAnswered: boolean }) {
  const said: string[] = [];
  const ctx = {
    update: { update_id: 1 },
    callbackQuery: { id: "q" },
    chat: { id: 7 },
    logger: { error: () => undefined, warn: () => undefined },
    t: (key: string) => key,
    answerCallbackQuery: async ({ text }: { text: string }) => {
      if (alreadyAnswered) throw new Error("400: query is too old and response timeout expired or query ID is invalid");
      said.push(`answer: ${text}`);
    },
    reply: async (text: string) => void said.push(`message: ${text}`),
  };
  return { ctx: ctx as unknown as BotContext, said };
}

describe("the error boundary on a button", () => {
  it("answers the button with the failure when it was not answered yet", async () => {
    const { ctx, said } = button({ alreadyAnswered: false });
    await handleUpdateError(new BotError(new Error("broken"), ctx));
    expect(said).toEqual(["answer: error-generic"]);
  });

  it("sends a message when the handler had answered the button before failing", async () => {
    const { ctx, said } = button({ alreadyAnswered: true });
    await handleUpdateError(new BotError(new Error("broken"), ctx));
    expect(said).toEqual(["message: error-generic"]);
  });
});
