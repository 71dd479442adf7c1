import type { DB } from "../db/connection.js";

/** What the database says was last done under `key` (a version of derived data, say); undefined when never. */
export async function metaValue(db: DB, key: string): Promise<string | undefined> {
  return (await db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst())?.value;
}

export async function setMetaValue(db: DB, key: string, value: string): Promise<void> {
  await db
    .insertInto("meta")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
