import { defineConfig } from "vitest/config";

/**
 * Files that start a real process (the entry point through tsx, the CLI, the bench's start-up figure) or test
 * what only a process has: SIGKILL and restarts, signals, exit codes, start-up output, the webhook HTTP server.
 * Each bot process costs about 1.6 s of tsx start-up and a core while it runs, so this project runs few at once.
 * Every other end-to-end file runs the app in the test's own process (tests/support/harness.ts, appHarness).
 */
const PROCESS_FILES = [
  "tests/bench/bench-suite.test.ts",
  "tests/e2e/capture-and-tag.test.ts", // SIGKILL and restart in the middle of a tag question
  "tests/e2e/cli.test.ts",
  "tests/e2e/digest-kill.test.ts",
  "tests/e2e/import-limits.test.ts", // a zip bomb leaves the process running (its exit code)
  "tests/e2e/security.test.ts", // webhook mode, and the log lines of the real logger set-up
  "tests/e2e/start-up-failure.test.ts",
  "tests/e2e/survival.test.ts",
  "tests/e2e/webhook.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The JSON report (both projects in one file) is what .ci/run counts from; the default reporter is for people.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      {
        extends: true,
        test: {
          name: "fast",
          include: ["tests/**/*.test.ts"],
          exclude: PROCESS_FILES,
          maxWorkers: 2,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "process",
          include: PROCESS_FILES,
          // Two cores: each file here runs one bot process (or the CLI) beside its own worker.
          maxWorkers: 1,
        },
      },
    ],
  },
});
