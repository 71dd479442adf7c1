import { describe, expect, it } from "vitest";
import { FIGURES, runFigures } from "../../bench/figures.js";
import { availableDatabases, DATABASE_KINDS } from "../../bench/fresh-database.js";
import { formatTable } from "../../bench/report.js";

/**
 * `npm run bench` is not part of the test command; this runs every figure at tiny sizes so it cannot rot, on
 * PostgreSQL too when a server answers (tests/support/postgres.ts).
 */
describe("the benchmark suite", () => {
  it("measures every figure and prints each as a row with its baseline", async () => {
    const databases = await availableDatabases(DATABASE_KINDS, () => {});
    const figures = await runFigures("tiny", { databases });

    expect(figures.length).toBeGreaterThanOrEqual(FIGURES.length);
    for (const figure of figures) {
      expect(figure.value, figure.figure).toBeGreaterThan(0);
      expect(Number.isFinite(figure.value), figure.figure).toBe(true);
      if (figure.baseline !== undefined) expect(figure.ratio, figure.figure).toBeCloseTo(figure.value / figure.baseline, 6);
    }
    const table = formatTable(figures);
    const onPostgres = databases.includes("postgres") ? ["updates (postgres):", "recall (postgres,", "import (postgres):", "library (postgres,"] : [];
    for (const prefix of ["updates:", "recall (", "import:", "library (", "start-up:", "memory:", "digest fan-out:", "hostile:", ...onPostgres]) {
      expect(
        figures.some((f) => f.figure.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(table.split("\n")).toHaveLength(figures.length + 2);
  }, 120_000);
});
