import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { DB } from "../db/connection.js";
import { dialectOf } from "../db/dialect.js";
import { storableText } from "../db/postgres-text.js";

/** The items in slices of at most `size`: a bulk write is done a batch at a time. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** A column of `rowsOf`: its name and what its values are. */
export type BulkColumn = readonly [name: string, type: "integer" | "text"];

/** The rows as PostgreSQL's jsonb takes them: it refuses NUL and lone surrogates, which SQLite's JSON keeps. */
function postgresJson(rows: readonly unknown[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "string" ? storableText(value) : value));
}

/**
 * A whole batch as one parameter, read as a table with these columns (`from ${rowsOf(…)} as item`): one short
 * statement per table and batch. A multi-row `values` list or a long `in` list makes Kysely compile and
 * better-sqlite3 prepare hundreds of placeholders anew for every batch, which costs about as much as the rows
 * themselves. Rows are given as arrays, in the order of `columns`, and come out in the order given.
 * SQLite reads them with json_each (JSON keeps text byte for byte, integers as integers, and SQLite finds an
 * array element faster than an object key); PostgreSQL with jsonb_array_elements, each field cast to its type.
 */
export function rowsOf(db: DB, rows: readonly (readonly unknown[])[], columns: readonly BulkColumn[]): RawBuilder<unknown> {
  if (dialectOf(db) === "postgres") {
    const fields = columns.map(([name, type], i) => sql`(value ->> ${sql.lit(i)})::${sql.raw(type === "integer" ? "bigint" : "text")} as ${sql.ref(name)}`);
    return sql`(select ${sql.join(fields)} from jsonb_array_elements(${postgresJson(rows)}::jsonb))`;
  }
  const fields = columns.map(([name], i) => sql`value ->> ${sql.lit(i)} as ${sql.ref(name)}`);
  return sql`(select ${sql.join(fields)} from json_each(${JSON.stringify(rows)}))`;
}

/** The ids as a one-column subquery (`where id in ${idsIn(…)}`), one parameter however many there are. */
export function idsIn(db: DB, ids: readonly number[]): RawBuilder<unknown> {
  return dialectOf(db) === "postgres" ? sql`(select unnest(${[...ids]}::bigint[]))` : sql`(select value from json_each(${JSON.stringify(ids)}))`;
}

/** The texts as a one-column subquery, as `idsIn`. */
export function textsIn(db: DB, texts: readonly string[]): RawBuilder<unknown> {
  return dialectOf(db) === "postgres" ? sql`(select unnest(${texts.map(storableText)}::text[]))` : sql`(select value from json_each(${JSON.stringify(texts)}))`;
}

/**
 * `column` is one of the ids the subquery (in brackets) gives, with the subquery read first. PostgreSQL is told so
 * with `= any(array(…))`, which it runs once before the outer query: given `in (…)` with an ORDER BY and a LIMIT, it
 * walked the user's links in index order and probed the subquery for each (every unread link, for a rare tag). SQLite
 * plans `in (…)` that way already.
 */
export function amongIds(db: DB, column: string, subquery: RawBuilder<number>): RawBuilder<SqlBool> {
  return dialectOf(db) === "postgres" ? sql<SqlBool>`${sql.ref(column)} = any(array${subquery})` : sql<SqlBool>`${sql.ref(column)} in ${subquery}`;
}
