import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

describe("the logger", () => {
  it("never writes the bot token, from a config field or from a Bot API URL inside a nested error", () => {
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line) => lines.push(line) });
    const cause = new Error("request to https://api.telegram.org/bot123456:AAE-secret_Token/sendMessage failed, reason: socket hang up");
    const error = Object.assign(new Error("Network request for 'sendMessage' failed!"), { error: cause });
    logger.error({ err: error, config: { BOT_TOKEN: "123456:AAE-secret_Token" } }, "update failed");

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("secret");
    const logged = JSON.parse(lines[0]!) as { err: { error: { message: string } }; config: { BOT_TOKEN: string } };
    expect(logged.err.error.message).toBe("request to https://api.telegram.org/bot[redacted]/sendMessage failed, reason: socket hang up");
    expect(logged.config.BOT_TOKEN).toBe("[redacted]");
  });

  it("cuts a token it was given out of any text, not only out of Bot API URLs", () => {
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line) => lines.push(line) }, ["123456:AAE-secret_Token", ""]);
    logger.fatal({ err: new Error("proxy refused token 123456:AAE-secret_Token (bad gateway)") }, "linklog failed to start");

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("secret");
    expect((JSON.parse(lines[0]!) as { err: { message: string } }).err.message).toBe("proxy refused token [redacted] (bad gateway)");
  });
});
