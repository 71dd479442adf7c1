import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { asTokenRefusal, TokenRefusedError } from "../../src/telegram/start-up.js";

const apiError = (error_code: number, description: string) =>
  new GrammyError("Call to 'getUpdates' failed!", { ok: false, error_code, description }, "getUpdates", {});

describe("a token Telegram refuses", () => {
  it.each([
    [401, "Unauthorized"],
    [404, "Not Found"],
  ])("(%i) is told in words that say where a token comes from", (status, description) => {
    const refusal = asTokenRefusal(apiError(status, description));
    expect(refusal).toBeInstanceOf(TokenRefusedError);
    expect((refusal as Error).message).toBe(
      `Telegram refused BOT_TOKEN (${status} ${description}): the token is wrong or was revoked. ` +
        "Open Telegram, talk to @BotFather, send /token (or /newbot), and put the token in .env as BOT_TOKEN=…",
    );
  });

  it("is not what another instance polling with the same token is", () => {
    const conflict = apiError(409, "Conflict: terminated by other getUpdates request");
    expect(asTokenRefusal(conflict)).toBe(conflict);
  });
});
