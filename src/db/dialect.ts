import { PostgresAdapter, type Kysely } from "kysely";

export type DialectName = "sqlite" | "postgres";

/**
 * Which SQL the database speaks. The store asks only where the two must differ (search, bulk writes, triggers,
 * claiming rows under concurrency); everything else is written once through Kysely.
 */
// Any schema: the migrations ask too, with a Kysely<any>.
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
