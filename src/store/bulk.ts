import { sql } from "kysely";

/** The items in slices of at most `size`: a bulk write is done a batch at a time. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * `json_each(?)` over the values: a whole batch handed to SQLite as one JSON array, one short statement per
 * table and batch. A multi-row `values` list or a long `in` list makes Kysely compile and better-sqlite3
 * prepare hundreds of placeholders anew for every batch, which costs about as much as the rows themselves.
 * JSON keeps text byte for byte (NUL, lone surrogates, line breaks) and integers as integers. Rows are given
 * as arrays and read by position (`item.value ->> 0`): SQLite finds an array element faster than an object key.
 */
export function jsonEach(values: readonly unknown[]) {
  return sql`json_each(${JSON.stringify(values)})`;
}
