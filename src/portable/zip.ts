import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import { parseCsvFile } from "./csv-formats.js";
import type { ParseContext, ParsedFile, PortableLink } from "./model.js";
import { ProblemList } from "./problems.js";
import { decodeText } from "./text-bytes.js";

/**
 * A zip of CSV files, as Pocket mails its export (parts of 10,000 rows each): every `*.csv` entry is read and
 * the links merged as from one file; other entries are ignored. The archive is fed in small slices and the
 * bytes actually inflated are counted as they come, so a zip bomb is stopped at the cap whatever its headers
 * declare: one slice inflates to at most about a thousand times its size.
 */
export interface ZipLimits {
  maxBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxBytes: 100 * 1024 * 1024, maxEntries: 100 };

const SLICE = 16 * 1024;

interface Entry {
  name: string;
  chunks: Uint8Array[];
  error: string | null;
}

/** Entries that are CSV files; macOS adds "._name.csv" resource forks under __MACOSX, which are not. */
function isCsvEntry(name: string): boolean {
  const base = name.split("/").at(-1) ?? "";
  return /\.csv$/iu.test(base) && !base.startsWith("._") && !name.startsWith("__MACOSX/");
}

class ZipReader {
  readonly entries: Entry[] = [];
  entryCount = 0;
  inflated = 0;

  constructor(private readonly limits: ZipLimits) {}

  get overLimit(): string | null {
    if (this.entryCount > this.limits.maxEntries) return `more than ${this.limits.maxEntries} files in the zip`;
    if (this.inflated > this.limits.maxBytes) return `the zip unpacks to more than ${Math.floor(this.limits.maxBytes / 1024 / 1024)} MiB`;
    return null;
  }

  onFile(file: UnzipFile): void {
    this.entryCount++;
    if (!isCsvEntry(file.name) || this.overLimit) return;
    const entry: Entry = { name: file.name, chunks: [], error: null };
    this.entries.push(entry);
    if (file.compression !== 0 && file.compression !== 8) {
      entry.error = `packed with a method linklog cannot unpack (${file.compression})`;
      return;
    }
    file.ondata = (error, data) => {
      if (error) entry.error = "damaged: it does not unpack";
      else if (!this.overLimit) {
        this.inflated += data.length;
        entry.chunks.push(data);
      }
    };
    file.start();
  }
}

function unpack(content: Uint8Array, limits: ZipLimits): { entries: Entry[] } | { problem: string } {
  const reader = new ZipReader(limits);
  const unzip = new Unzip((file) => reader.onFile(file));
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < content.length && !reader.overLimit; at += SLICE) unzip.push(content.subarray(at, at + SLICE), at + SLICE >= content.length);
  } catch {
    return { problem: "this zip is damaged or cut short" };
  }
  const over = reader.overLimit;
  if (over) return { problem: `${over}; nothing was imported` };
  return { entries: reader.entries };
}

function entryText(entry: Entry): string | null {
  return decodeText(Buffer.concat(entry.chunks));
}

export function parseZip(content: Uint8Array, context: ParseContext, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ParsedFile {
  const unpacked = unpack(content, limits);
  if ("problem" in unpacked) return { format: "zip", links: [], problems: [{ line: 1, text: unpacked.problem }] };
  if (unpacked.entries.length === 0) return { format: "zip", links: [], problems: [{ line: 1, text: "no CSV file in this zip" }] };
  const links: PortableLink[] = [];
  const problems = new ProblemList();
  const formats = new Set<string>();
  for (const entry of unpacked.entries) {
    const text = entry.error === null ? entryText(entry) : null;
    if (text === null) {
      problems.add(1, `${entry.name}: ${entry.error ?? "not a text file"}`);
      continue;
    }
    const parsed = parseCsvFile(text, context);
    formats.add(parsed.format);
    // One push per item: spreading a part's 10,000 links as arguments could overflow the stack.
    for (const link of parsed.links) links.push(link);
    for (const problem of parsed.problems) problems.add(problem.line, `${entry.name}: ${problem.text}`);
  }
  return { format: `${[...formats].join(", ") || "CSV"} (zip)`, links, problems: problems.list() };
}
