import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, sqlitePath } from "../../src/config/config.js";

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

  it("accepts sqlite: URLs and plain paths", () => {
    expect(sqlitePath("sqlite:./data/x.db")).toBe("./data/x.db");
    expect(sqlitePath("sqlite:///var/lib/linklog.db")).toBe("/var/lib/linklog.db");
    expect(sqlitePath("/srv/linklog.db")).toBe("/srv/linklog.db");
  });
});
