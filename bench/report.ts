export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** What the value is measured against in the same run (or a goal), when there is one. */
  baseline?: number;
  ratio?: number;
}

/** full: the figures the issue asks for; quick: under a minute in all; tiny: what the test runs so the suite cannot rot. */
export type Scale = "full" | "quick" | "tiny";

/** Measured runs per figure, after one warm-up run that is thrown away. */
export const RUNS: Record<Scale, number> = { full: 3, quick: 3, tiny: 1 };

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const WARM_UP_RUN = -1;

/**
 * Figures whose one pass is long (thousands of updates, minutes of digests) are cut into this many consecutive
 * windows of equal size, and report the median over them as other figures do over runs.
 */
export const PASS_WINDOWS = 5;

/** `items` in PASS_WINDOWS consecutive windows of equal size (a remainder at the end is left out). */
export function passWindows<T>(items: readonly T[]): T[][] {
  const size = Math.floor(items.length / PASS_WINDOWS);
  return Array.from({ length: PASS_WINDOWS }, (_, w) => items.slice(w * size, (w + 1) * size));
}

/** Events per second between the first and the last of these times (ms), in order. */
export function ratePerSecond(times: readonly number[]): number {
  return (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
}

/**
 * Runs `measure` once to warm up (JIT, page cache, SQLite's cache; `run` is WARM_UP_RUN) and then `runs` times;
 * every named value is the median over the measured runs, so one noisy run on a shared machine does not move
 * the figure. A single run is the tiny smoke test of the suite itself, and skips the warm-up.
 */
export async function medianOfRuns<K extends string>(runs: number, measure: (run: number) => Promise<Record<K, number>>): Promise<Record<K, number>> {
  if (runs > 1) await measure(WARM_UP_RUN);
  const results: Record<K, number>[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure(run));
  const keys = Object.keys(results[0]!) as K[];
  return Object.fromEntries(keys.map((key) => [key, median(results.map((r) => r[key]))])) as Record<K, number>;
}

const format = (n: number | undefined, digits = 1) => (n === undefined ? "" : Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** One row per figure: figure, value, baseline, ratio. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.figure, `${format(f.value)} ${f.unit}`, format(f.baseline), format(f.ratio, 2)]);
  const header = ["figure", "value", "baseline", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
