import type { DB } from "../db/connection.js";
import { mergeDuplicates, type KeyedLink } from "../portable/merge.js";
import type { ParsedFile } from "../portable/model.js";
import { parseImportFile } from "../portable/parse-file.js";
import { previewOf, type ImportPreview } from "../portable/preview.js";
import { importLinks, savedKeys, type ImportResult } from "../store/import.js";

/**
 * The one import pipeline, read → preview → write, for the bot and the command-line tool alike. It knows no
 * Telegram: where the bytes come from is the caller's, so the caps are applied the same way to an upload and
 * to a file on the server's disk.
 */

/** IMPORT_MAX_BYTES and IMPORT_MAX_LINKS: what one import may cost in memory. */
export interface ImportCaps {
  /** Largest file, and most text a zip may unpack to. */
  maxBytes: number;
  /** Most links read from one file. */
  maxLinks: number;
}

export interface ImportSource {
  fileName: string;
  /** The file's bytes, reading no more than `maxBytes`; null when the file is larger. */
  load(maxBytes: number): Promise<Uint8Array | null>;
}

/** A file read and its links merged by address, ready to preview or to write. */
export interface ImportRead {
  parsed: ParsedFile;
  links: KeyedLink[];
  /** Addresses in the file that are not web links. */
  invalid: string[];
}

/** Reads the file within the caps, in the importing user's time zone; null when it is larger than allowed. */
export async function readImport(source: ImportSource, user: { timeZone: string; now: number }, caps: ImportCaps): Promise<ImportRead | null> {
  const bytes = await source.load(caps.maxBytes);
  if (bytes === null) return null;
  const parsed = parseImportFile(source.fileName, bytes, { ...user, maxLinks: caps.maxLinks, maxUnpackedBytes: caps.maxBytes });
  return { parsed, ...mergeDuplicates(parsed.links) };
}

/** What the file holds, compared with what the user has saved. */
export async function previewImport(db: DB, userId: number, read: ImportRead): Promise<ImportPreview> {
  const saved = await savedKeys(
    db,
    userId,
    read.links.map((link) => link.urlKey),
  );
  return previewOf(read.parsed, read, saved);
}

/** Writes the links in one transaction; `onProgress` must not wait on anything slow, the database is held. */
export async function writeImport(db: DB, userId: number, read: ImportRead, now: number, onProgress?: (done: number) => void): Promise<ImportResult> {
  return await importLinks(db, userId, read.links, now, onProgress);
}
