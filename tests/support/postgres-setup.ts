import { randomBytes } from "node:crypto";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { adminQuery, databaseUrl, dropDatabase, TEMPLATE_VARIABLE } from "./postgres.js";

/**
 * The "postgres" project's global set-up: one migrated template per run, which every test database copies
 * (`create database … template`, far faster than migrating each); the template and any test database of the run still
 * there (a test that failed before its clean-up) are dropped at the end.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const run = randomBytes(4).toString("hex");
  const template = `linklog_template_${run}`;
  await adminQuery(`create database ${template}`);
  const db = openDatabase(databaseUrl(template));
  await migrateToLatest(db);
  await db.destroy();
  process.env[TEMPLATE_VARIABLE] = template;
  return async () => {
    await dropDatabase(template);
    const { rows } = await adminQuery(`select datname from pg_database where datname like 'linklog\\_test\\_${run}\\_%'`);
    for (const { datname } of rows as { datname: string }[]) await dropDatabase(datname);
  };
}
