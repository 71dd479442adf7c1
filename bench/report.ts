export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** What the value is measured against in the same run (or a goal), when there is one. */
  baseline?: number;
  ratio?: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const format = (n: number | undefined, digits = 1) => (n === undefined ? "" : Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** One row per figure: figure, value, baseline, ratio. */
export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [f.figure, `${format(f.value)} ${f.unit}`, format(f.baseline), format(f.ratio, 2)]);
  const header = ["figure", "value", "baseline", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
}
