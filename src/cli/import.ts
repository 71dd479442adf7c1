// npm run import -- --user <telegram id> <file>: the bot's import, for server owners.
import "dotenv/config";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { mergeDuplicates } from "../portable/merge.js";
import { parseImportFile } from "../portable/parse-file.js";
import { importLinks } from "../store/import.js";
import { ensureSearchIndex } from "../store/search-index.js";
import { ensureUrlKeys } from "../store/url-keys.js";
import { findUser, upsertUser } from "../store/users.js";
import { fail, openCliDatabase } from "./database.js";

const { values, positionals } = parseArgs({ options: { user: { type: "string" } }, allowPositionals: true });
const userId = Number(values.user);
const [file] = positionals;
if (!Number.isSafeInteger(userId) || userId <= 0 || !file) fail("usage: npm run import -- --user <telegram user id> <file>");

const { db, defaultTimeZone } = await openCliDatabase();
try {
  // Keys of stored links follow the current rules before new ones are compared with them.
  await ensureUrlKeys(db);
  await ensureSearchIndex(db);
  const now = Date.now();
  const user = (await findUser(db, userId)) ?? (await upsertUser(db, { id: userId, first_name: "" }, defaultTimeZone, now));
  const parsed = parseImportFile(basename(file), await readFile(file), { timeZone: user.time_zone, now });
  for (const problem of parsed.problems) console.error(`line ${problem.line}: ${problem.text}`);
  const { links, invalid } = mergeDuplicates(parsed.links);
  const result = await importLinks(db, userId, links, now);
  console.log(`${parsed.format}: ${links.length} links (${invalid.length} not web links skipped); ${result.added} new, ${result.updated} updated, ${result.notesAdded} notes added.`);
  // The queue is in the database: the running bot picks these up, behind the links its users save meanwhile.
  if (result.titlesQueued > 0) console.log(`${result.titlesQueued} untitled links queued; the running bot fetches their page titles in the background.`);
} finally {
  await db.destroy();
}
