import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import { parseCsvFile } from "./csv-formats.js";
import { parseJsonFile } from "./json-formats.js";
import { DEFAULT_MAX_LINKS } from "./link-cap.js";
import type { ParseContext, ParsedFile, ParseProblem, PortableLink } from "./model.js";
import { inEntry, problem, ProblemList } from "./problems.js";
import { parseTelegramHtml } from "./telegram-html.js";
import { isTelegramJson, parseTelegramJson } from "./telegram-json.js";
import { decodeText } from "./text-bytes.js";

/**
 * A zip of CSV files, as Pocket mails its export (parts of 10,000 rows each), of JSON files, as Omnivore's export
 * holds `metadata_*.json`, or a zipped Telegram Desktop export (`messages*.html`, `result.json`): every such entry
 * is read and the links merged as from one file; other entries, such as the export's photos, are ignored and never
 * inflated. The archive is fed in small slices and the
 * bytes actually inflated are counted as they come, so a zip bomb is stopped at the cap whatever its headers
 * declare: one slice inflates to at most about a thousand times its size.
 */
export interface ZipLimits {
  maxBytes: number;
  maxEntries: number;
}

/**
 * A zip may unpack to no more text than a plain upload may hold (IMPORT_MAX_BYTES, 20 MiB by default): reading
 * costs memory in proportion to the text, so the largest plain file bounds what a zip can cost too.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxBytes: 20 * 1024 * 1024, maxEntries: 100 };

function zipLimits(context: ParseContext): ZipLimits {
  return { ...DEFAULT_ZIP_LIMITS, maxBytes: context.maxUnpackedBytes ?? DEFAULT_ZIP_LIMITS.maxBytes };
}

const SLICE = 16 * 1024;

interface Entry {
  name: string;
  chunks: Uint8Array[];
  error: ParseProblem | null;
}

/** Entries that are CSV or JSON files; macOS adds "._name.csv" resource forks under __MACOSX, which are not. */
function isReadEntry(name: string): boolean {
  const base = name.split("/").at(-1) ?? "";
  return /\.(?:csv|json)$/iu.test(base) && !base.startsWith("._") && !name.startsWith("__MACOSX/");
}

/** A Telegram Desktop export zipped as its folder: its pages `messages.html`, `messages2.html`, … or its `result.json`. */
function isTelegramEntry(name: string): boolean {
  const base = name.split("/").at(-1) ?? "";
  return /^(?:messages\d*\.html|result\.json)$/iu.test(base) && !name.startsWith("__MACOSX/");
}

/** The reader of an entry: Telegram's pages by their name, JSON and CSV by their extension. */
function readEntry(name: string, text: string, context: ParseContext): ParsedFile {
  if (isTelegramEntry(name) && !/\.json$/iu.test(name)) return parseTelegramHtml(text, context);
  if (/\.json$/iu.test(name)) return isTelegramJson(text) ? parseTelegramJson(text, context) : parseJsonFile(text, context);
  return parseCsvFile(text, context);
}

/** The cap in whole MiB when it is one or more, else in bytes. */
function unpackedCapProblem(bytes: number): ParseProblem {
  return bytes >= 1024 * 1024
    ? problem(1, "problem-zip-too-large-mib", { mib: Math.floor(bytes / 1024 / 1024) })
    : problem(1, "problem-zip-too-large-bytes", { bytes });
}

/**
 * Exports of links are text with unique addresses and titles and pack a few times smaller; a zip bomb packs a
 * thousand times. Refusing past this ratio, once a little has unpacked, stops a bomb within a MiB of inflating
 * instead of at the cap, which would hold the bot as long as unpacking a whole legitimate 20 MiB file.
 */
const MAX_PACKING_RATIO = 100;
const RATIO_CHECKED_AFTER = 1024 * 1024;

class ZipReader {
  readonly entries: Entry[] = [];
  entryCount = 0;
  inflated = 0;
  /** Packed bytes handed to the unzipper so far. */
  fed = 0;

  constructor(private readonly limits: ZipLimits) {}

  get overLimit(): ParseProblem | null {
    if (this.entryCount > this.limits.maxEntries) return problem(1, "problem-zip-too-many-files", { max: this.limits.maxEntries });
    if (this.inflated > this.limits.maxBytes) return unpackedCapProblem(this.limits.maxBytes);
    if (this.inflated > RATIO_CHECKED_AFTER && this.inflated > MAX_PACKING_RATIO * this.fed)
      return problem(1, "problem-zip-packed-too-tightly", { ratio: MAX_PACKING_RATIO });
    return null;
  }

  onFile(file: UnzipFile): void {
    // Only the entries read count: a zipped Telegram export holds its photos too, never inflated here.
    if (!(isReadEntry(file.name) || isTelegramEntry(file.name))) return;
    this.entryCount++;
    if (this.overLimit) return;
    const entry: Entry = { name: file.name, chunks: [], error: null };
    this.entries.push(entry);
    if (file.compression !== 0 && file.compression !== 8) {
      entry.error = problem(1, "problem-zip-entry-method", { method: file.compression });
      return;
    }
    file.ondata = (error, data) => {
      if (error) entry.error = problem(1, "problem-zip-entry-damaged");
      else if (!this.overLimit) {
        this.inflated += data.length;
        entry.chunks.push(data);
      }
    };
    file.start();
  }
}

function unpack(content: Uint8Array, limits: ZipLimits): { entries: Entry[] } | { problem: ParseProblem } {
  const reader = new ZipReader(limits);
  const unzip = new Unzip((file) => reader.onFile(file));
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < content.length && !reader.overLimit; at += SLICE) {
      reader.fed = Math.min(at + SLICE, content.length);
      unzip.push(content.subarray(at, at + SLICE), at + SLICE >= content.length);
    }
  } catch {
    return { problem: problem(1, "problem-zip-damaged") };
  }
  const over = reader.overLimit;
  if (over) return { problem: over };
  return { entries: reader.entries };
}

/** An entry's text; its packed chunks are let go at once, so the zip's bytes and its text are not all held together. */
function entryText(entry: Entry): string | null {
  const text = decodeText(Buffer.concat(entry.chunks));
  entry.chunks = [];
  return text;
}

export function parseZip(content: Uint8Array, context: ParseContext, limits: ZipLimits = zipLimits(context)): ParsedFile {
  const unpacked = unpack(content, limits);
  if ("problem" in unpacked) return { format: "zip", links: [], problems: [unpacked.problem] };
  if (unpacked.entries.length === 0) return { format: "zip", links: [], problems: [problem(1, "problem-zip-no-csv")] };
  const maxLinks = context.maxLinks ?? DEFAULT_MAX_LINKS;
  const links: PortableLink[] = [];
  const problems = new ProblemList();
  const formats = new Set<string>();
  let cut = false;
  for (const entry of unpacked.entries) {
    if (cut) break;
    const text = entry.error === null ? entryText(entry) : null;
    if (text === null) {
      problems.addMade(inEntry(entry.error ?? problem(1, "problem-zip-entry-not-text"), entry.name));
      continue;
    }
    const parsed = readEntry(entry.name, text, { ...context, maxLinks: maxLinks - links.length });
    cut = parsed.cutAt !== undefined;
    formats.add(parsed.format);
    // One push per item: spreading a part's 10,000 links as arguments could overflow the stack.
    for (const link of parsed.links) links.push(link);
    for (const found of parsed.problems) problems.addMade(inEntry(found, entry.name));
  }
  return { format: `${[...formats].join(", ") || "CSV"} (zip)`, links, problems: problems.list(), ...(cut ? { cutAt: maxLinks } : {}) };
}
