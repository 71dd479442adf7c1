// npm run export -- --user <telegram id> --format md [--out file]: the bot's /export, for server owners.
import "dotenv/config";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { EXPORT_NAMES, exportFormat } from "../portable/formats.js";
import { writeExport } from "../store/export.js";
import { findUser } from "../store/users.js";
import { fail, openCliDatabase } from "./database.js";

const { values } = parseArgs({ options: { user: { type: "string" }, format: { type: "string", default: "md" }, out: { type: "string" } } });
const userId = Number(values.user);
const format = exportFormat(values.format!);
if (!Number.isSafeInteger(userId) || userId <= 0 || !format) {
  fail(`usage: npm run export -- --user <telegram user id> --format ${EXPORT_NAMES.join("|")} [--out file]`);
}

const { db } = await openCliDatabase();
try {
  const user = (await findUser(db, userId)) ?? fail(`no user ${userId} in this database`);
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const count = await writeExport(db, userId, format, { timeZone: user.time_zone, now: Date.now() }, out);
  if (values.out) {
    out.end();
    await finished(out);
  }
  console.error(`exported ${count} links as ${format.name}`);
} finally {
  await db.destroy();
}
