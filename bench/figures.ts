// The benchmark figures in the order the suite prints them; `npm run bench` and its test both run this list.
import { digestFanout } from "./digest-fanout.js";
import { DATABASE_KINDS, type DatabaseKind } from "./fresh-database.js";
import { hostileInput } from "./hostile-input.js";
import { importSpeed } from "./import-speed.js";
import { libraryLatency } from "./library.js";
import { processFootprint } from "./process-footprint.js";
import { updateThroughput } from "./update-throughput.js";
import { recallLatency } from "./recall-latency.js";
import type { Figure, Scale } from "./report.js";

export interface BenchFigure {
  name: string;
  /** The databases it runs on, one after the other; the store's figures run on both, the process-level ones on SQLite. */
  databases: readonly DatabaseKind[];
  run(scale: Scale, database: DatabaseKind): Promise<Figure[]>;
}

const SQLITE: readonly DatabaseKind[] = ["sqlite"];

export const FIGURES: readonly BenchFigure[] = [
  { name: "updates", databases: DATABASE_KINDS, run: updateThroughput },
  { name: "recall", databases: DATABASE_KINDS, run: recallLatency },
  { name: "import", databases: DATABASE_KINDS, run: importSpeed },
  { name: "library", databases: DATABASE_KINDS, run: libraryLatency },
  { name: "process", databases: SQLITE, run: processFootprint },
  { name: "digest", databases: SQLITE, run: digestFanout },
  { name: "hostile", databases: SQLITE, run: hostileInput },
];

export interface FigureSelection {
  /** One figure by name; all when left out. */
  only?: string;
  /** The databases to measure on (by default SQLite alone): a figure runs on those of them it supports. */
  databases?: readonly DatabaseKind[];
  starting?: (name: string) => void;
}

export async function runFigures(scale: Scale, { only, databases = SQLITE, starting }: FigureSelection = {}): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const figure of FIGURES.filter((f) => only === undefined || f.name === only)) {
    for (const database of figure.databases.filter((kind) => databases.includes(kind))) {
      starting?.(database === "sqlite" ? figure.name : `${figure.name} on ${database}`);
      figures.push(...(await figure.run(scale, database)));
    }
  }
  return figures;
}
