import { describe, expect, it } from "vitest";
import { FIGURES, runFigures } from "../../bench/figures.js";
import { formatTable } from "../../bench/report.js";

/** `npm run bench` is not part of the test command; this runs every figure at tiny sizes so it cannot rot. */
describe("the benchmark suite", () => {
  it("measures every figure and prints each as a row with its baseline", async () => {
    const figures = await runFigures("tiny");

    expect(figures.length).toBeGreaterThanOrEqual(FIGURES.length);
    for (const figure of figures) {
      expect(figure.value, figure.figure).toBeGreaterThan(0);
      expect(Number.isFinite(figure.value), figure.figure).toBe(true);
      if (figure.baseline !== undefined) expect(figure.ratio, figure.figure).toBeCloseTo(figure.value / figure.baseline, 6);
    }
    const table = formatTable(figures);
    for (const prefix of ["updates:", "recall", "import:", "start-up:", "memory:", "digest fan-out:", "hostile:"]) {
      expect(
        figures.some((f) => f.figure.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(table.split("\n")).toHaveLength(figures.length + 2);
  }, 120_000);
});
