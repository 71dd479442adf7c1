import { relative } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { postgresUnavailable as postgresUnavailableReason } from "./tests/support/postgres.js";

/**
 * Files that start a real process (the entry point through tsx, the CLI, the bench's start-up figure) or test
 * what only a process has: SIGKILL and restarts, signals, exit codes, start-up output, the webhook HTTP server.
 * Each bot process costs about 1.6 s of tsx start-up and a core while it runs. Every other end-to-end file runs
 * the app in the test's own process (tests/support/harness.ts, appHarness).
 */
const PROCESS_FILES = [
  "tests/bench/bench-suite.test.ts",
  "tests/e2e/capture-and-tag.test.ts", // SIGKILL and restart in the middle of a tag question
  "tests/e2e/cli.test.ts",
  "tests/e2e/db-copy.test.ts", // npm run db:copy's exit codes; its PostgreSQL part makes its own databases
  "tests/e2e/digest-kill.test.ts",
  "tests/e2e/import-limits.test.ts", // a zip bomb leaves the process running (its exit code)
  "tests/e2e/inbox-kill.test.ts", // SIGKILL with an update in flight, answered after the restart
  "tests/e2e/multi-instance.test.ts", // three bot processes on one PostgreSQL database, one SIGKILLed
  "tests/e2e/security.test.ts", // webhook mode, and no token in anything the process writes
  "tests/e2e/start-up-failure.test.ts",
  "tests/e2e/survival.test.ts",
  "tests/e2e/webhook.test.ts",
  "tests/playground/playground-browser.test.ts", // npm start with no token, and Chromium on its page
];

/**
 * Vitest runs one project after the other (by name), so the process files, long and spent mostly waiting on a
 * child, would start last and run alone. This starts the longest files of either project first (durations of the
 * last run; without them, the process files first), and the short ones fill the gaps.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const key = (spec: TestSpecification) => `${spec.project.name}:${relative(root, spec.moduleId)}`;
    // Without a last run, a process file counts as long; a fast file by its size, as vitest's own sequencer does.
    const expected = (spec: TestSpecification) =>
      this.ctx.cache.getFileTestResults(key(spec))?.duration ??
      (spec.project.name === "process" ? 60_000 : (this.ctx.cache.getFileStats(key(spec))?.size ?? 0) / 10);
    return [...files].sort((a, b) => expected(b) - expected(a));
  }
}

// Both projects run in one pool (vitest requires one maxWorkers for projects run together): three workers on two
// cores, as a process file's worker mostly waits on its bot process, the emulator, the pacer and timers.
const WORKERS = 3;

/**
 * The store and end-to-end files run once more on PostgreSQL (the "postgres" project) whenever a server answers at
 * TEST_DATABASE_URL (by default the local one); the in-process end-to-end files run there too. Without a server, the
 * project holds one skipped test that says why.
 */
const POSTGRES_FILES = ["tests/store/**/*.test.ts", "tests/e2e/**/*.test.ts"];
const postgresUnavailable = await postgresUnavailableReason();

export default defineConfig({
  // The durations LongestFirst reads, kept per checkout: node_modules may be shared (a symlink) between checkouts.
  cacheDir: ".cache/vite",
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    globalSetup: ["tests/support/mini-app-page-setup.ts"],
    maxWorkers: WORKERS,
    sequence: { sequencer: LongestFirst },
    // The JSON report (both projects in one file) is what .ci/run counts from; the default reporter is for people.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      {
        extends: true,
        test: {
          name: "fast",
          include: ["tests/**/*.test.ts"],
          // tests/postgres/ stands in for the postgres project's files when no server answers.
          exclude: [...PROCESS_FILES, "tests/postgres/**"],
          maxWorkers: WORKERS,
          // No file here mocks modules or stubs globals, so a worker keeps the modules it imported for the next
          // file: the app's module graph is imported once per worker instead of once per file (seconds each).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: postgresUnavailable ? ["tests/postgres/unavailable.test.ts"] : POSTGRES_FILES,
          exclude: PROCESS_FILES,
          env: { LINKLOG_TEST_DATABASE: "postgres", ...(postgresUnavailable ? { LINKLOG_POSTGRES_UNAVAILABLE: postgresUnavailable } : {}) },
          globalSetup: postgresUnavailable ? [] : ["tests/support/postgres-setup.ts"],
          maxWorkers: WORKERS,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "process",
          include: PROCESS_FILES,
          maxWorkers: WORKERS,
        },
      },
    ],
  },
});
