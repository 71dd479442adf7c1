// The benchmark figures in the order the suite prints them; `npm run bench` and its test both run this list.
import { digestFanout } from "./digest-fanout.js";
import { hostileInput } from "./hostile-input.js";
import { importSpeed } from "./import-speed.js";
import { processFootprint } from "./process-footprint.js";
import { updateThroughput } from "./update-throughput.js";
import { recallLatency } from "./recall-latency.js";
import type { Figure, Scale } from "./report.js";

export interface BenchFigure {
  name: string;
  run(scale: Scale): Promise<Figure[]>;
}

export const FIGURES: readonly BenchFigure[] = [
  { name: "updates", run: updateThroughput },
  { name: "recall", run: recallLatency },
  { name: "import", run: importSpeed },
  { name: "process", run: processFootprint },
  { name: "digest", run: digestFanout },
  { name: "hostile", run: hostileInput },
];

export async function runFigures(scale: Scale, only?: string, starting?: (name: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const figure of FIGURES.filter((f) => only === undefined || f.name === only)) {
    starting?.(figure.name);
    figures.push(...(await figure.run(scale)));
  }
  return figures;
}
