import type { VersionedStateStorage } from "@grammyjs/conversations";
import type { DB } from "../db/connection.js";

/** The conversations plugin needs only read/write/delete by key; one row per chat holds its JSON state. */
export function conversationStateStorage<S>(db: DB): VersionedStateStorage<string, S> {
  return {
    async read(key) {
      const row = await db.selectFrom("conversation_state").select("value").where("key", "=", key).executeTakeFirst();
      return row ? JSON.parse(row.value) : undefined;
    },
    async write(key, state) {
      const value = JSON.stringify(state);
      await db
        .insertInto("conversation_state")
        .values({ key, value, updated_at: Date.now() })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: Date.now() }))
        .execute();
    },
    async delete(key) {
      await db.deleteFrom("conversation_state").where("key", "=", key).execute();
    },
  };
}
