import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDatabase, tempDatabasePath } from "../support/bot-process.js";

const root = new URL("../..", import.meta.url);
const fixture = new URL("../fixtures/study-log.md", import.meta.url).pathname;

/** npm run import / export, as a server owner runs them: the real scripts against a fresh database file. */
describe("command-line import and export", () => {
  const database = tempDatabasePath();
  afterAll(() => database.cleanup());
  const run = (script: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", `src/cli/${script}.ts`, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, DATABASE_URL: database.path, DEFAULT_TIMEZONE: "UTC", ...env },
      encoding: "utf8",
    });

  it("imports the markdown log for a user, and a second run adds nothing", () => {
    const first = run("import", ["--user", "42", fixture]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("markdown log: 12 links (0 not web links skipped); 12 new, 0 updated, 1 notes added.");
    expect(first.stdout).toContain("9 untitled links queued; the running bot fetches their page titles in the background.");
    const second = run("import", ["--user", "42", fixture]);
    expect(second.stdout).toContain("0 new, 0 updated, 0 notes added.");
    expect(second.stdout).not.toContain("queued");
  });

  it("says the lines it could not read in the bot's English words, and keeps to the bot's caps", () => {
    const file = join(database.path, "..", "problems.md");
    writeFileSync(file, "https://example.org/cli-problems A title\n- 2026-02-30\n");
    const result = run("import", ["--user", "43", file]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("line 2: - 2026-02-30");
    expect(result.stdout).toContain("markdown log: 1 links");
    const capped = run("import", ["--user", "43", file], { IMPORT_MAX_BYTES: "10" });
    expect(capped.status).toBe(2);
    expect(capped.stderr).toContain("is larger than IMPORT_MAX_BYTES (10 bytes)");
  });

  it("exports the user's log to a file in the log format", () => {
    const out = join(database.path, "..", "export.md");
    const result = run("export", ["--user", "42", "--format", "md", "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("exported 12 links as md");
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("# linklog export\n")).toBe(true);
    expect(text).toContain("✅ https://blog.lelonek.me/elixir-on-erlang-vm-demystified-320557d09e1f #posts\n  BEAM");
  });

  it("backs up the database to a file that holds the same links and passes an integrity check", () => {
    const copy = join(database.path, "..", "backup.db");
    const result = run("backup", [copy]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("(integrity_check: ok)");
    const backup = readDatabase(copy);
    expect(backup.all("select count(*) as n from links where user_id = 42")).toEqual([{ n: 12 }]);
    backup.close();
    expect(run("backup", [copy]).stderr).toContain("exists already");
  });

  it("explains its usage instead of failing obscurely", () => {
    const result = run("export", ["--user", "nobody"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("usage: npm run export -- --user <telegram user id>");
  });
});
