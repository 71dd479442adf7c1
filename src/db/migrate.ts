import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import type { DB } from "./connection.js";
import { dialectOf } from "./dialect.js";
import { postgresSchemaPlugin } from "./postgres-schema.js";

// Works from src/ (tsx) and from dist/src/ (compiled), since migrations/ sits beside src/ in both.
const migrationFolder = fileURLToPath(new URL("../../migrations", import.meta.url));

/**
 * Kysely's FileMigrationProvider imports from inside node_modules, where neither tsx nor vitest turn
 * TypeScript into JavaScript; importing from here works for .ts sources and compiled .js alike.
 */
const folderMigrations: MigrationProvider = {
  async getMigrations() {
    const files = (await readdir(migrationFolder)).filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith(".d.ts")).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.(ts|js)$/, "")] = (await import(pathToFileURL(join(migrationFolder, file)).href)) as Migration;
    }
    return migrations;
  },
};

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies every pending migration in migrations/, in file-name order. */
export async function migrateToLatest(db: DB): Promise<MigrationResultSet> {
  const migrating = dialectOf(db) === "postgres" ? db.withPlugin(postgresSchemaPlugin()) : db;
  const result = await new Migrator({ db: migrating, provider: folderMigrations }).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new MigrationError(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
