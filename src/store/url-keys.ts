import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { metaValue, setMetaValue } from "./meta.js";
import { normalizeUrl, URL_KEY_VERSION } from "../links/normalize.js";
import { rowsOf } from "./bulk.js";
import { dialectOf, lockForStartUp } from "../db/dialect.js";

const VERSION_KEY = "url_key_version";
// Bounds the memory a batch of links and their new keys takes.
const BATCH_SIZE = 500;

/**
 * Gives the links their new keys, except where a new key would break unique (user_id, url_key): those keep theirs.
 * SQLite's "or ignore" skips exactly those rows; PostgreSQL has no such update, so each link is checked and moved
 * on its own (this runs once per change of the key rules).
 */
async function rekey(trx: DB, changed: readonly (readonly [number, string])[]): Promise<void> {
  if (dialectOf(trx) === "sqlite") {
    await sql`
      update or ignore links set url_key = item.url_key
      from ${rowsOf(trx, changed, [
        ["id", "integer"],
        ["url_key", "text"],
      ])} as item where links.id = item.id`.execute(trx);
    return;
  }
  for (const [id, key] of changed) {
    await sql`
      update links set url_key = ${key} where id = ${id}
        and not exists (select 1 from links as other where other.user_id = links.user_id and other.url_key = ${key})`.execute(trx);
  }
}

/**
 * Gives every stored link the key the current rules compute from its stored URL, once per `URL_KEY_VERSION`,
 * so a link saved under older rules is still recognised when it is shared again. The stored URLs stay as they
 * are. A link whose new key another link of the same user already holds keeps its old key: two saved links are
 * never merged or dropped behind the user's back. Returns whether it ran. Run it at start-up, after the
 * migrations and before the bot takes updates: it holds the database for as long as it takes.
 */
export async function ensureUrlKeys(db: DB): Promise<boolean> {
  const version = String(URL_KEY_VERSION);
  if ((await metaValue(db, VERSION_KEY)) === version) return false;
  return await db.transaction().execute(async (trx) => {
    await lockForStartUp(trx, VERSION_KEY);
    // Another instance may have re-keyed them while this one waited.
    if ((await metaValue(trx, VERSION_KEY)) === version) return false;
    // Walks the links in id order, a batch at a time, so memory stays flat however many there are.
    for (let after = 0; ;) {
      const rows = await trx.selectFrom("links").select(["id", "url", "url_key"]).where("id", ">", after).orderBy("id").limit(BATCH_SIZE).execute();
      const last = rows.at(-1);
      if (last === undefined) break;
      const changed = rows.flatMap((row) => {
        const key = normalizeUrl(row.url)?.key;
        return key === undefined || key === row.url_key ? [] : [[row.id, key] as const];
      });
      if (changed.length > 0) await rekey(trx, changed);
      after = last.id;
    }
    await setMetaValue(trx, VERSION_KEY, version);
    return true;
  });
}
