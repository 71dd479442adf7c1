// npm run bench [-- --quick]: the benchmark suite; prints one table row per figure.
import { versions } from "node:process";
import SQLite from "better-sqlite3";
import { digestFanout } from "./digest-fanout.js";
import { importSpeed } from "./import-speed.js";
import { printTable, type Figure } from "./report.js";

const quick = process.argv.includes("--quick");
const sqliteVersion = (new SQLite(":memory:").prepare("select sqlite_version() as v").get() as { v: string }).v;
console.log(`node ${versions.node}, sqlite ${sqliteVersion}${quick ? ", quick sizes" : ""}`);

const figures: Figure[] = [...(await importSpeed(quick ? 5_000 : 100_000)), ...(await digestFanout(quick ? 200 : 10_000))];
printTable(figures);
