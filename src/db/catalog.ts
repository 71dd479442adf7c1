import { sql, type Kysely } from "kysely";
import { dialectOf } from "./dialect.js";

/** A table as the database itself describes it at run time, so a copy follows migrations it never heard of. */
export interface TableShape {
  name: string;
  /** In the table's own order. */
  columns: string[];
  primaryKey: string[];
  nullable: Set<string>;
  /** Each foreign-key column and the table it points to. */
  parents: { column: string; table: string }[];
}

interface ColumnRow {
  table: string;
  column: string;
  nullable: boolean | number;
  /** 1-based place in the primary key, 0 when not in it. */
  pk: number;
}

interface ParentRow {
  table: string;
  column: string;
  parent: string;
}

const sqliteColumns = sql<ColumnRow>`
  select m.name as "table", p.name as "column", p."notnull" = 0 as nullable, p.pk
  from sqlite_master m join pragma_table_info(m.name) p
  where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'
  order by m.name, p.cid`;

const sqliteParents = sql<ParentRow>`
  select m.name as "table", f."from" as "column", f."table" as parent
  from sqlite_master m join pragma_foreign_key_list(m.name) f
  where m.type = 'table'`;

const postgresColumns = sql<ColumnRow>`
  select c.table_name as "table", c.column_name as "column", c.is_nullable = 'YES' as nullable,
    coalesce((
      select k.position from pg_index i
      cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, position)
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indisprimary and i.indrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass
        and a.attname = c.column_name
    ), 0) as pk
  from information_schema.columns c
  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
  where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
  order by c.table_name, c.ordinal_position`;

const postgresParents = sql<ParentRow>`
  select cl.relname as "table", a.attname as "column", p.relname as parent
  from pg_constraint c
  join pg_class cl on cl.oid = c.conrelid
  join pg_class p on p.oid = c.confrelid
  join pg_namespace n on n.oid = cl.relnamespace
  cross join lateral unnest(c.conkey) as k(attnum)
  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
  where c.contype = 'f' and n.nspname = current_schema()`;

/** Every table of the database with its columns, primary key and foreign keys. */
export async function tableShapes(db: Kysely<any>): Promise<TableShape[]> {
  const postgres = dialectOf(db) === "postgres";
  const columns = (await (postgres ? postgresColumns : sqliteColumns).execute(db)).rows;
  const parents = (await (postgres ? postgresParents : sqliteParents).execute(db)).rows;
  const shapes = new Map<string, TableShape>();
  for (const row of columns) {
    const shape = shapes.get(row.table) ?? { name: row.table, columns: [], primaryKey: [], nullable: new Set(), parents: [] };
    shape.columns.push(row.column);
    if (row.nullable) shape.nullable.add(row.column);
    shapes.set(row.table, shape);
  }
  for (const row of [...columns].filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)) shapes.get(row.table)!.primaryKey.push(row.column);
  for (const row of parents) shapes.get(row.table)?.parents.push({ column: row.column, table: row.parent });
  return [...shapes.values()];
}

/**
 * The last id each table's counter handed out (SQLite's AUTOINCREMENT, PostgreSQL's identity), which can be above
 * the largest id present: a link in the trash keeps its id, and Undo puts it back under it.
 */
export async function idCounters(db: Kysely<any>): Promise<Map<string, number>> {
  const { rows } =
    dialectOf(db) === "postgres"
      ? await sql<{ table: string; value: number | null }>`
          select table_name as "table", pg_sequence_last_value(pg_get_serial_sequence(quote_ident(table_name), column_name)::regclass) as value
          from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`.execute(db)
      : await sql<{ table: string; value: number }>`select name as "table", seq as value from sqlite_sequence`.execute(db);
  return new Map(rows.map((row) => [row.table, row.value ?? 0]));
}

/** Moves every id counter past both the largest id in its table and the source's counter, so new rows never collide. */
export async function advanceIdCounters(db: Kysely<any>, counters: ReadonlyMap<string, number>): Promise<void> {
  if (dialectOf(db) === "postgres") await advancePostgresIdentities(db, counters);
  else await advanceSqliteSequences(db, counters);
}

async function advancePostgresIdentities(db: Kysely<any>, counters: ReadonlyMap<string, number>): Promise<void> {
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column"
    from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`.execute(db);
  for (const { table, column } of rows) {
    const last = sql`greatest(${counters.get(table) ?? 0}::bigint, (select coalesce(max(${sql.ref(column)}), 0) from ${sql.table(table)}))`;
    // A sequence cannot be set to 0: an unused one is set to 1 "not yet called", so 1 comes next.
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), greatest(${last}, 1), ${last} > 0)`.execute(db);
  }
}

async function advanceSqliteSequences(db: Kysely<any>, counters: ReadonlyMap<string, number>): Promise<void> {
  // Inserting an explicit id already moved the table's row past the largest id; the source's counter may be higher.
  // Only AUTOINCREMENT tables have a counter (PostgreSQL's link_messages order column has none here).
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql like '%autoincrement%'`.execute(db);
  const counted = new Set(rows.map((row) => row.name));
  for (const [table, value] of [...counters].filter(([table, value]) => value > 0 && counted.has(table))) {
    const updated = await sql`update sqlite_sequence set seq = max(seq, cast(${value} as integer)) where name = ${table}`.execute(db);
    if (!updated.numAffectedRows) await sql`insert into sqlite_sequence (name, seq) values (${table}, cast(${value} as integer))`.execute(db);
  }
}
