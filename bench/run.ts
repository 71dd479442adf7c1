// npm run bench [-- --quick] [-- --only <figure>] [-- --sqlite-only | --postgres-only]: the benchmark suite; prints one
// table row per figure. The updates, recall and import figures run on SQLite and then on a fresh PostgreSQL database
// (rows marked "(postgres)"); --sqlite-only and --postgres-only keep one of the two, and a PostgreSQL server that
// does not answer skips its rows with one line saying why.
import { versions } from "node:process";
import SQLite from "better-sqlite3";
import { FIGURES, runFigures } from "./figures.js";
import { availableDatabases, DATABASE_KINDS } from "./fresh-database.js";
import { formatTable, type Scale } from "./report.js";

const args = process.argv.slice(2);
const scale: Scale = args.includes("--quick") ? "quick" : "full";
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
if (only !== undefined && !FIGURES.some((f) => f.name === only)) {
  console.error(`unknown figure "${only}"; one of: ${FIGURES.map((f) => f.name).join(", ")}`);
  process.exit(2);
}
const wanted = DATABASE_KINDS.filter((kind) => !args.includes(`--${kind === "sqlite" ? "postgres" : "sqlite"}-only`));
const databases = await availableDatabases(wanted, (reason) => console.log(`PostgreSQL figures skipped: ${reason}`));

const sqliteVersion = (new SQLite(":memory:").prepare("select sqlite_version() as v").get() as { v: string }).v;
console.log(`node ${versions.node}, sqlite ${sqliteVersion}, ${scale} sizes`);
const started = performance.now();
console.log(formatTable(await runFigures(scale, { only, databases, starting: (name) => console.error(`… ${name}`) })));
console.log(`took ${((performance.now() - started) / 1000).toFixed(0)} s`);
