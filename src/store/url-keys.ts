import { sql } from "kysely";
import type { DB } from "../db/connection.js";
import { metaValue, setMetaValue } from "./meta.js";
import { normalizeUrl, URL_KEY_VERSION } from "../links/normalize.js";
import { jsonEach } from "./bulk.js";

const VERSION_KEY = "url_key_version";
// Bounds the memory a batch of links and their new keys takes.
const BATCH_SIZE = 500;

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
  await db.transaction().execute(async (trx) => {
    // Walks the links in id order, a batch at a time, so memory stays flat however many there are.
    for (let after = 0; ;) {
      const rows = await trx.selectFrom("links").select(["id", "url", "url_key"]).where("id", ">", after).orderBy("id").limit(BATCH_SIZE).execute();
      const last = rows.at(-1);
      if (last === undefined) break;
      const changed = rows.flatMap((row) => {
        const key = normalizeUrl(row.url)?.key;
        return key === undefined || key === row.url_key ? [] : [[row.id, key]];
      });
      // "or ignore" skips exactly the rows whose new key would break unique (user_id, url_key): those keep theirs.
      if (changed.length > 0) {
        await sql`
          update or ignore links set url_key = item.value ->> 1
          from ${jsonEach(changed)} as item where links.id = item.value ->> 0`.execute(trx);
      }
      after = last.id;
    }
    await setMetaValue(trx, VERSION_KEY, version);
  });
  return true;
}
