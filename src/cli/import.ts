// npm run import -- --user <telegram id> <file>: the bot's import, for server owners.
import "dotenv/config";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readImport, writeImport, type ImportCaps, type ImportSource } from "../imports/pipeline.js";
import { DEFAULT_MAX_LINKS } from "../portable/link-cap.js";
import { DEFAULT_ZIP_LIMITS } from "../portable/zip.js";
import { ensureSearchIndex } from "../store/search-index.js";
import { ensureUrlKeys } from "../store/url-keys.js";
import { findUser, upsertUser } from "../store/users.js";
import { fail, openCliDatabase } from "./database.js";
import { problemInEnglish } from "./english.js";

const { values, positionals } = parseArgs({ options: { user: { type: "string" } }, allowPositionals: true });
const userId = Number(values.user);
const [file] = positionals;
if (!Number.isSafeInteger(userId) || userId <= 0 || !file) fail("usage: npm run import -- --user <telegram user id> <file>");

/** The bot's caps, from the same variables and with the same defaults: a file too costly for the bot is too costly here. */
function importCaps(): ImportCaps {
  const cap = (fallback: number) => z.coerce.number().int().positive().default(fallback);
  const env = z.object({ IMPORT_MAX_BYTES: cap(DEFAULT_ZIP_LIMITS.maxBytes), IMPORT_MAX_LINKS: cap(DEFAULT_MAX_LINKS) }).safeParse({
    IMPORT_MAX_BYTES: process.env.IMPORT_MAX_BYTES || undefined,
    IMPORT_MAX_LINKS: process.env.IMPORT_MAX_LINKS || undefined,
  });
  if (!env.success) fail("IMPORT_MAX_BYTES and IMPORT_MAX_LINKS must be positive whole numbers");
  return { maxBytes: env.data.IMPORT_MAX_BYTES, maxLinks: env.data.IMPORT_MAX_LINKS };
}

function diskFile(path: string): ImportSource {
  return { fileName: basename(path), load: async (maxBytes) => ((await stat(path)).size > maxBytes ? null : await readFile(path)) };
}

const caps = importCaps();
const { db, defaultTimeZone } = await openCliDatabase();
try {
  // Keys of stored links follow the current rules before new ones are compared with them.
  await ensureUrlKeys(db);
  await ensureSearchIndex(db);
  const now = Date.now();
  const user = (await findUser(db, userId)) ?? (await upsertUser(db, { id: userId, first_name: "" }, defaultTimeZone, now));
  const read =
    (await readImport(diskFile(file), { timeZone: user.time_zone, now }, caps)) ?? fail(`${file} is larger than IMPORT_MAX_BYTES (${caps.maxBytes} bytes)`);
  const { parsed, links, invalid } = read;
  for (const problem of parsed.problems) console.error(`line ${problem.line}: ${problemInEnglish(problem)}`);
  const result = await writeImport(db, userId, read, now);
  console.log(
    `${parsed.format}: ${links.length} links (${invalid.length} not web links skipped); ${result.added} new, ${result.updated} updated, ${result.notesAdded} notes added.`,
  );
  if (parsed.cutAt !== undefined) console.log(`Only the first ${parsed.cutAt} links were read: the file holds more than IMPORT_MAX_LINKS.`);
  // The queue is in the database: the running bot picks these up, behind the links its users save meanwhile.
  if (result.titlesQueued > 0) console.log(`${result.titlesQueued} untitled links queued; the running bot fetches their page titles in the background.`);
} finally {
  await db.destroy();
}
