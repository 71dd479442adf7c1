import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, playgroundEnvironment, playgroundPort, sqlitePath, wantsPlayground } from "../../src/config/config.js";

const token = "123456:ABC-def_ghi";

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("needs only BOT_TOKEN and fills in the documented defaults", () => {
    const config = parseConfig({ BOT_TOKEN: token });
    expect(config).toMatchObject({
      DATABASE_URL: "./data/linklog.db",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      DEFAULT_TIMEZONE: "UTC",
      LOG_LEVEL: "info",
      TAG_QUESTION_TIMEOUT_MINUTES: 60,
      IMPORT_MAX_BYTES: 20 * 1024 * 1024,
      IMPORT_MAX_LINKS: 1_000_000,
      FETCH_ALLOW_PRIVATE: false,
      FETCH_HOSTS_ONLY: false,
    });
    expect(config.ALLOWED_USER_IDS).toBeUndefined();
  });

  it("explains how to get a token from BotFather when it is missing", () => {
    const [problem] = problemsOf({});
    expect(problem).toContain("@BotFather");
  });

  it("reports every problem at once, each in words", () => {
    const problems = problemsOf({ BOT_TOKEN: "nonsense", DEFAULT_TIMEZONE: "Mars/Olympus", ALLOWED_USER_IDS: "12,abc" });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/bot token/);
    expect(problems.join("\n")).toContain('"Mars/Olympus" is not an IANA time zone');
    expect(problems.join("\n")).toContain("ALLOWED_USER_IDS");
  });

  it("takes the import's link cap as a positive whole number", () => {
    expect(parseConfig({ BOT_TOKEN: token, IMPORT_MAX_LINKS: "5000" }).IMPORT_MAX_LINKS).toBe(5000);
    expect(problemsOf({ BOT_TOKEN: token, IMPORT_MAX_LINKS: "0" })).toHaveLength(1);
  });

  it("reads the allow-list as numbers and treats empty values as unset", () => {
    expect(parseConfig({ BOT_TOKEN: token, ALLOWED_USER_IDS: " 12, 34 " }).ALLOWED_USER_IDS).toEqual(new Set([12, 34]));
    expect(parseConfig({ BOT_TOKEN: token, ALLOWED_USER_IDS: "", TELEGRAM_API_ROOT: "" }).TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
  });

  it("gives HTTP requests ten seconds to arrive unless told otherwise, and says which range it takes", () => {
    expect(parseConfig({ BOT_TOKEN: token }).HTTP_REQUEST_TIMEOUT_SECONDS).toBe(10);
    expect(parseConfig({ BOT_TOKEN: token, HTTP_REQUEST_TIMEOUT_SECONDS: "1.5" }).HTTP_REQUEST_TIMEOUT_SECONDS).toBe(1.5);
    for (const wrong of ["0", "ten", "301"])
      expect(problemsOf({ BOT_TOKEN: token, HTTP_REQUEST_TIMEOUT_SECONDS: wrong })).toEqual([expect.stringContaining("HTTP_REQUEST_TIMEOUT_SECONDS must be")]);
  });

  it("sizes PostgreSQL's pool and statement timeout only when told, and says which values it takes", () => {
    const defaults = parseConfig({ BOT_TOKEN: token });
    // Unset, the connection's own defaults apply (10 connections, 30 s).
    expect([defaults.DATABASE_POOL_SIZE, defaults.DATABASE_STATEMENT_TIMEOUT_MS]).toEqual([undefined, undefined]);
    expect(parseConfig({ BOT_TOKEN: token, DATABASE_POOL_SIZE: "4", DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toMatchObject({
      DATABASE_POOL_SIZE: 4,
      DATABASE_STATEMENT_TIMEOUT_MS: 0,
    });
    for (const wrong of ["0", "many", "2.5"])
      expect(problemsOf({ BOT_TOKEN: token, DATABASE_POOL_SIZE: wrong })).toEqual([expect.stringContaining("DATABASE_POOL_SIZE must be")]);
    expect(problemsOf({ BOT_TOKEN: token, DATABASE_STATEMENT_TIMEOUT_MS: "-1" })).toEqual([expect.stringContaining("DATABASE_STATEMENT_TIMEOUT_MS must be")]);
  });

  it("accepts sqlite: URLs and plain paths", () => {
    expect(sqlitePath("sqlite:./data/x.db")).toBe("./data/x.db");
    expect(sqlitePath("sqlite:///var/lib/linklog.db")).toBe("/var/lib/linklog.db");
    expect(sqlitePath("/srv/linklog.db")).toBe("/srv/linklog.db");
  });
});

describe("the playground instead of a missing token", () => {
  it("is what a newcomer without a token gets, but never a production deployment", () => {
    expect(wantsPlayground({})).toBe(true);
    expect(wantsPlayground({ BOT_TOKEN: "  " })).toBe(true);
    expect(wantsPlayground({ BOT_TOKEN: "123:abc" })).toBe(false);
    expect(wantsPlayground({ NODE_ENV: "production" })).toBe(false);
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/BOT_TOKEN is missing.*@BotFather/);
  });

  it("runs the bot against the emulator with its own database and the Mini App on its own port, whatever the environment says of a webhook or port", () => {
    const env = {
      DATABASE_URL: "./data/linklog.db",
      WEBHOOK_URL: "https://bot.example.org/hook",
      WEBHOOK_SECRET: "s".repeat(20),
      PORT: "9000",
      LOG_LEVEL: "warn",
      ALLOWED_USER_IDS: "42",
    };
    const config = parseConfig(
      playgroundEnvironment({ ...env, WEB_APP_URL: "https://bot.example.org" }, { url: "http://127.0.0.1:9000", token: "123456:TEST" }, 9001),
    );
    expect(config).toMatchObject({
      BOT_TOKEN: "123456:TEST",
      TELEGRAM_API_ROOT: "http://127.0.0.1:9000",
      DATABASE_URL: "./data/playground.db",
      LOG_LEVEL: "warn",
    });
    expect(config.receiving).toEqual({ mode: "polling" });
    expect(config.PORT).toBe(9001);
    expect(config.webAppPage).toBe("http://127.0.0.1:9001/app/");
    expect(config.ALLOWED_USER_IDS).toBeUndefined();
  });

  it("listens on PORT, 8080 by default, and says what is wrong with a bad one", () => {
    expect(playgroundPort({})).toBe(8080);
    expect(playgroundPort({ PORT: "0" })).toBe(0);
    expect(playgroundPort({ PORT: "8123" })).toBe(8123);
    expect(() => playgroundPort({ PORT: "eighty" })).toThrow(ConfigError);
  });
});

describe("a port", () => {
  it("is refused in words when it is no port", () => {
    expect(() => parseConfig({ BOT_TOKEN: "123:abc", PORT: "0" })).toThrow("PORT must be a port number from 1 to 65535");
    expect(() => parseConfig({ BOT_TOKEN: "123:abc", PORT: "http" })).toThrow("PORT must be a port number from 1 to 65535");
  });
});
