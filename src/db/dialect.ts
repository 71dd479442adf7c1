import { PostgresAdapter, sql, type Kysely } from "kysely";

export type DialectName = "sqlite" | "postgres";

/**
 * Which SQL the database speaks. The store asks only where the two must differ (search, bulk writes, triggers,
 * claiming rows under concurrency); everything else is written once through Kysely.
 */
// Any schema: the migrations ask too, with a Kysely<any>.
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * Inside a transaction, waits until no other process is doing the same start-up task: several instances starting
 * at once on one PostgreSQL database would otherwise rebuild the same index side by side. (A SQLite file serves one
 * process; its write transaction is exclusive anyway.)
 */
export async function lockForStartUp(trx: Kysely<any>, task: string): Promise<void> {
  if (dialectOf(trx) === "postgres") await sql`select pg_advisory_xact_lock(hashtext(${`linklog:${task}`}))`.execute(trx);
}
