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

  it("writes lines a person reads to a terminal, and cleans the token out of them too", () => {
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line) => lines.push(line), isTTY: true }, ["123456:AAE-secret_Token"]);
    logger.info({ path: "data/linklog.db", migrations: 13 }, "database opened and migrated");
    logger.info({ username: "linklog_bot", mode: "long polling" }, "running as @linklog_bot in long polling mode");
    logger.warn({ method: "getMe", retry: { in: 8 } }, "cannot reach https://api.telegram.org: ENOTFOUND; retrying in 8 s");
    const cause = Object.assign(new Error("request to https://api.telegram.org/bot123456:AAE-secret_Token/getMe failed"), { code: "ECONNRESET" });
    logger.fatal({ err: Object.assign(new Error("Network request for 'getMe' failed!"), { error: cause }) }, "linklog failed to start");

    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO  database opened and migrated  path=data\/linklog.db migrations=13\n$/);
    expect(lines[1]).toMatch(/ INFO  running as @linklog_bot in long polling mode  username=linklog_bot mode="long polling"\n$/);
    expect(lines[2]).toMatch(/^\d\d:\d\d:\d\d WARN  cannot reach https:\/\/api.telegram.org: ENOTFOUND; retrying in 8 s  method=getMe retry=\{"in":8\}\n$/);
    const [fatal, stack, ...rest] = lines[3]!.trimEnd().split("\n");
    expect(fatal).toMatch(/^\d\d:\d\d:\d\d FATAL linklog failed to start$/);
    expect(stack).toBe("    Error: Network request for 'getMe' failed!");
    expect(rest.at(-1)).toBe("    caused by: request to https://api.telegram.org/bot[redacted]/getMe failed");
    expect(lines.join("")).not.toContain("secret");
  });
});
