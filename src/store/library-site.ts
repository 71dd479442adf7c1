import { sql, type RawBuilder } from "kysely";
import type { DialectName } from "../db/dialect.js";

/**
 * A link's site, the host of its URL without "www.", as SQL on the `url` column: what the Mini App lists, filters
 * and counts links by. An expression rather than a column, so that no insert path (capture, import, Undo, db:copy)
 * has anything to fill; the index links_user_site (migration 0020) holds it. Both databases use that index only for
 * the very text it was made with, so this text is frozen with that migration: change it with a new migration.
 * Stored URLs are hrefs of http(s) URLs (src/links/normalize.ts), so a "/" always follows the host; a user name
 * before "@" is dropped, a port kept.
 */
export function siteSql(dialect: DialectName, column: "url" | "links.url"): RawBuilder<string> {
  const [find, rest] =
    dialect === "postgres" ? ["strpos", `substr(${column}, strpos(${column}, '://') + 3)`] : ["instr", `substr(${column}, instr(${column}, '://') + 3)`];
  const authority = dialect === "postgres" ? `split_part(${rest}, '/', 1)` : `substr(${rest}, 1, instr(${rest} || '/', '/') - 1)`;
  const host = `substr(${authority}, ${find}(${authority}, '@') + 1)`;
  return sql.raw<string>(`(case when substr(${host}, 1, 4) = 'www.' then substr(${host}, 5) else ${host} end)`);
}
