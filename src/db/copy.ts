import { sql, type Kysely, type Transaction } from "kysely";
import { advanceIdCounters, idCounters, tableShapes, type TableShape } from "./catalog.js";
import type { DB } from "./connection.js";
import { dialectOf } from "./dialect.js";
import { migrateToLatest } from "./migrate.js";

/**
 * Derived from the other tables and shaped differently per dialect (FTS5 and its shadow tables on SQLite, a tsvector
 * table on PostgreSQL): never copied, rebuilt by the next start instead.
 */
const DERIVED_TABLES = ["link_search"];
/** The meta key of the search index's version (src/store/search-index.ts): without it the next start rebuilds the index. */
const SEARCH_INDEX_VERSION_KEY = "search_index_version";
/**
 * Columns triggers write on insert (link_tags.link_unread follows links.read_at): the copy must arrive as it left,
 * which the row count alone would not show.
 */
const TRIGGER_KEPT_COLUMNS: readonly { table: string; column: string }[] = [{ table: "link_tags", column: "link_unread" }];
// Rows per statement: bounds memory, and stays far below either dialect's limit on parameters (32,766 and 65,535).
const BATCH_ROWS = 500;
const MAX_PARAMETERS = 30_000;

export interface CopiedTable {
  table: string;
  rows: number;
}

/** The target holds data already: a copy never merges into it nor overwrites it. */
export class CopyRefused extends Error {
  override name = "CopyRefused";
}

/** The target did not end up with what the source holds; its transaction was rolled back. */
export class CopyMismatch extends Error {
  override name = "CopyMismatch";
}

type Row = Record<string, unknown>;

/**
 * Copies every table of `source` into `target`, row for row and ids included, after migrating both to the latest
 * schema. The target is written in one transaction, verified by counts before it commits; the source is read from
 * one snapshot. Returns the tables copied with their row counts.
 */
export async function copyDatabase(source: DB, target: DB): Promise<CopiedTable[]> {
  await migrateToLatest(source);
  await migrateToLatest(target);
  const tables = copiedTables(await tableShapes(target));
  const copied = await readSnapshot(source, (from) =>
    target.transaction().execute(async (to) => {
      await refuseUnlessEmpty(to);
      return await copyTables(from, to, tables);
    }),
  );
  // Freshly filled tables have no statistics yet: without them PostgreSQL plans the next start's index rebuild, and
  // the first queries, as if the tables were empty (seconds per batch of links instead of milliseconds).
  if (dialectOf(target) === "postgres") await sql`analyze`.execute(target);
  return copied;
}

async function refuseUnlessEmpty(target: Kysely<any>): Promise<void> {
  for (const table of ["users", "links"]) {
    const { n } = await target
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) throw new CopyRefused(`the target database is not empty (${table}: ${n} rows); db:copy writes only into a new, empty database`);
  }
}

function copiedTables(shapes: readonly TableShape[]): TableShape[] {
  const derived = (name: string) => DERIVED_TABLES.some((table) => name === table || name.startsWith(`${table}_`));
  return shapes.filter((shape) => !derived(shape.name) && !shape.name.startsWith("kysely_migration"));
}

/** One consistent view of the source for the whole copy, so the counts compared at the end are of what was read. */
async function readSnapshot<T>(source: DB, read: (from: Kysely<any>) => Promise<T>): Promise<T> {
  const transaction = source.transaction();
  return dialectOf(source) === "postgres"
    ? await transaction.setIsolationLevel("repeatable read").setAccessMode("read only").execute(read)
    : await transaction.execute(read);
}

async function copyTables(from: Kysely<any>, to: Transaction<any>, tables: readonly TableShape[]): Promise<CopiedTable[]> {
  const { order, deferred } = insertOrder(tables);
  // The target has no user and no link, so what else it holds (facts in meta about its own empty data) describes
  // nothing the copy keeps.
  for (const shape of [...order].reverse()) await to.deleteFrom(shape.name).execute();
  const copied: CopiedTable[] = [];
  for (const shape of order) copied.push({ table: shape.name, rows: await copyRows(from, to, shape, deferred.get(shape.name) ?? []) });
  for (const shape of order) await restoreDeferred(from, to, shape, deferred.get(shape.name) ?? []);
  await advanceIdCounters(to, await idCounters(from));
  await verify(from, to, copied);
  await to.deleteFrom("meta").where("key", "=", SEARCH_INDEX_VERSION_KEY).execute();
  return copied;
}

/**
 * Parents before children. A cycle (users.last_link_id points to links, links.user_id to users) is broken at a
 * nullable foreign key: those columns are written as null first and set once every table is in.
 */
export function insertOrder(tables: readonly TableShape[]): { order: TableShape[]; deferred: Map<string, string[]> } {
  const remaining = new Map(tables.map((shape) => [shape.name, shape]));
  const order: TableShape[] = [];
  const deferred = new Map<string, string[]>();
  const waitingOn = (shape: TableShape) => shape.parents.filter((p) => p.table !== shape.name && remaining.has(p.table));
  while (remaining.size > 0) {
    const candidates = [...remaining.values()];
    const ready = candidates.find((shape) => waitingOn(shape).length === 0);
    const breakable = ready ?? candidates.find((shape) => waitingOn(shape).every((p) => shape.nullable.has(p.column)));
    if (!breakable) throw new Error(`the foreign keys of ${candidates.map((shape) => shape.name).join(", ")} form a cycle without a nullable column`);
    if (!ready) deferred.set(breakable.name, [...new Set(waitingOn(breakable).map((p) => p.column))]);
    order.push(breakable);
    remaining.delete(breakable.name);
  }
  return { order, deferred };
}

function batchRows(shape: TableShape): number {
  return Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / shape.columns.length)));
}

/** The source's rows after `last` in primary-key order, a batch at a time: memory stays flat whatever the size. */
async function* sourceBatches(from: Kysely<any>, shape: TableShape, columns: readonly string[]): AsyncGenerator<Row[]> {
  if (shape.primaryKey.length === 0) throw new Error(`table ${shape.name} has no primary key to copy it in order by`);
  const key = sql.join(shape.primaryKey.map((column) => sql.ref(column)));
  const selected = sql.join([...new Set([...shape.primaryKey, ...columns])].map((column) => sql.ref(column)));
  for (let last: Row | undefined; ;) {
    const after = last ? sql`where (${key}) > (${sql.join(shape.primaryKey.map((column) => last![column]))})` : sql``;
    const { rows } = await sql<Row>`select ${selected} from ${sql.table(shape.name)} ${after} order by ${key} limit ${batchRows(shape)}`.execute(from);
    if (rows.length === 0) return;
    yield rows;
    last = rows.at(-1);
  }
}

async function copyRows(from: Kysely<any>, to: Transaction<any>, shape: TableShape, deferred: readonly string[]): Promise<number> {
  let count = 0;
  for await (const rows of sourceBatches(from, shape, shape.columns)) {
    const values = rows.map((row) => Object.fromEntries(shape.columns.map((column) => [column, deferred.includes(column) ? null : row[column]])));
    await to.insertInto(shape.name).values(values).execute();
    count += rows.length;
  }
  return count;
}

async function restoreDeferred(from: Kysely<any>, to: Transaction<any>, shape: TableShape, deferred: readonly string[]): Promise<void> {
  if (deferred.length === 0) return;
  for await (const rows of sourceBatches(from, shape, deferred)) {
    for (const row of rows.filter((r) => deferred.some((column) => r[column] !== null))) {
      const set = Object.fromEntries(deferred.map((column) => [column, row[column]]));
      await shape.primaryKey.reduce((query, column) => query.where(column, "=", row[column]), to.updateTable(shape.name).set(set)).execute();
    }
  }
}

async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function columnSum(db: Kysely<any>, table: string, column: string): Promise<number> {
  const { total } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(column), sql.lit(0)).as("total"))
    .executeTakeFirstOrThrow();
  return Number(total);
}

async function verify(from: Kysely<any>, to: Transaction<any>, copied: readonly CopiedTable[]): Promise<void> {
  const problems: string[] = [];
  for (const { table, rows } of copied) {
    const [read, written] = [await countRows(from, table), await countRows(to, table)];
    if (read !== rows || written !== rows) problems.push(`${table}: ${read} rows in the source, ${written} in the target`);
  }
  for (const { table, column } of TRIGGER_KEPT_COLUMNS.filter((kept) => copied.some((c) => c.table === kept.table))) {
    const [read, written] = [await columnSum(from, table, column), await columnSum(to, table, column)];
    if (read !== written) problems.push(`${table}.${column}: sums to ${read} in the source, ${written} in the target`);
  }
  if (problems.length > 0) throw new CopyMismatch(`the copy does not match its source, nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
}
