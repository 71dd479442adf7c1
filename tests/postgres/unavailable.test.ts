import { it } from "vitest";

// Stands in for the "postgres" project's files when no PostgreSQL server answers (vitest.config.ts).
it.skip(`PostgreSQL tests skipped: ${process.env.LINKLOG_POSTGRES_UNAVAILABLE ?? "no server"}`, () => {});
