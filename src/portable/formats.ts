import { isKnownCsv, parseCsvFile } from "./csv-formats.js";
import { isJsonText, parseJsonFile } from "./json-formats.js";
import type { ParseContext, ParsedFile } from "./model.js";
import { isInstapaperHtml, parseInstapaperHtml } from "./instapaper.js";
import { parseMarkdownLog } from "./markdown-log.js";
import { parseNetscapeHtml } from "./netscape-html.js";
import { isOneTab, parseOneTab } from "./onetab.js";
import { isPocketHtml, parsePocketHtml } from "./pocket-html.js";
import { isTelegramHtml, parseTelegramHtml } from "./telegram-html.js";
import { isTelegramJson, parseTelegramJson } from "./telegram-json.js";
import { isZip } from "./text-bytes.js";
import { csvWriter, htmlWriter, jsonWriter, markdownWriter, type CreateWriter } from "./writers.js";
import { parseZip } from "./zip.js";

/**
 * Every file format linklog reads or writes, in one table: the upload check, the reader choice, /export's
 * argument and file name, and the CLI's --format all come from here, so a format added here is added everywhere.
 */
interface FormatBase {
  /** Lower case, without the dot; the first is the one an export is named with. */
  extensions: readonly string[];
  /** The word /export and the CLI's --format take, for a format linklog also writes. */
  exportName?: string;
  /** Other words taken for it, as people write them ("/export markdown"); never listed, only understood. */
  exportAliases?: readonly string[];
  write?: CreateWriter;
}

/** A format read from decoded text; `sniff` tells it by its start when the file's name says nothing. */
export interface TextFormat extends FormatBase {
  binary: false;
  sniff: (text: string) => boolean;
  read: (text: string, context: ParseContext) => ParsedFile;
}

/** A format read from the bytes themselves (an archive), recognised by them whatever the name. */
export interface BinaryFormat extends FormatBase {
  binary: true;
  sniff: (bytes: Uint8Array) => boolean;
  read: (bytes: Uint8Array, context: ParseContext) => ParsedFile;
}

export type FileFormat = TextFormat | BinaryFormat;

const HTML_START = /^\s*<(?:!doctype|html|dl|dt|meta|title)/iu;

/** Telegram Desktop's export, Instapaper's and Pocket's own HTML and the Netscape bookmark file share the extension; the content tells them apart. */
function readHtml(text: string, context: ParseContext): ParsedFile {
  if (isTelegramHtml(text)) return parseTelegramHtml(text, context);
  if (isInstapaperHtml(text)) return parseInstapaperHtml(text, context);
  return isPocketHtml(text) ? parsePocketHtml(text, context) : parseNetscapeHtml(text, context);
}

/** Telegram Desktop's `result.json`, told by its start (it is read as it streams by); any other JSON by its shape. */
const readJson = (text: string, context: ParseContext) => (isTelegramJson(text) ? parseTelegramJson(text, context) : parseJsonFile(text, context));

/** OneTab's export is plain text too, saved as .txt or pasted into a file of any name; its lines tell it apart. */
const readPlainText = (text: string, context: ParseContext) => (isOneTab(text) ? parseOneTab(text, context) : parseMarkdownLog(text, context));

const zip: BinaryFormat = { binary: true, extensions: ["zip"], sniff: isZip, read: parseZip };

/**
 * In the order /export lists them. Content is sniffed in the same order, but the markdown log, which takes any
 * plain text, only when no other claims it; the others' starts exclude each other (`<`, a known header, `{` or `[{`).
 * Every JSON format (linklog's, other services', browsers') is one entry: json-formats.ts tells them apart by shape.
 */
const markdownLog: TextFormat = {
  binary: false,
  extensions: ["md", "markdown", "txt"],
  exportName: "md",
  exportAliases: ["markdown"],
  write: markdownWriter,
  sniff: () => true,
  read: readPlainText,
};
const TEXT_FORMATS: readonly TextFormat[] = [
  markdownLog,
  {
    binary: false,
    extensions: ["html", "htm"],
    exportName: "html",
    // The bookmark file every browser imports.
    exportAliases: ["htm", "bookmarks"],
    write: htmlWriter,
    sniff: (text) => HTML_START.test(text),
    read: readHtml,
  },
  { binary: false, extensions: ["csv"], exportName: "csv", write: csvWriter, sniff: isKnownCsv, read: parseCsvFile },
  { binary: false, extensions: ["json"], exportName: "json", write: jsonWriter, sniff: isJsonText, read: readJson },
];

export const FILE_FORMATS: readonly FileFormat[] = [...TEXT_FORMATS, zip];

/** The extension of a file name, lower case; "" when it has none. */
export function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase() ?? "";
}

export function formatByExtension(extension: string): FileFormat | undefined {
  return FILE_FORMATS.find((format) => format.extensions.includes(extension));
}

/** The archive these bytes are, if any: it is read as one whatever its name says. */
export function binaryFormatOf(bytes: Uint8Array): BinaryFormat | undefined {
  return FILE_FORMATS.find((format): format is BinaryFormat => format.binary && format.sniff(bytes));
}

/** The reader for text whose name says nothing: the first format that recognises its start. */
export function sniffTextFormat(text: string): TextFormat {
  return TEXT_FORMATS.find((format) => format !== markdownLog && format.sniff(text)) ?? markdownLog;
}

/** Whether a file of this name is one to read: the bot leaves documents of other names to other handlers. */
export function isImportableName(fileName: string): boolean {
  return formatByExtension(extensionOf(fileName)) !== undefined;
}

export const IMPORT_EXTENSIONS: readonly string[] = FILE_FORMATS.flatMap((format) => format.extensions);

/** A format linklog writes, by the word /export and --format take. */
export interface ExportFormat {
  name: string;
  aliases: readonly string[];
  extension: string;
  create: CreateWriter;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = FILE_FORMATS.flatMap((format) =>
  format.exportName && format.write
    ? [{ name: format.exportName, aliases: format.exportAliases ?? [], extension: format.extensions[0]!, create: format.write }]
    : [],
);

export const EXPORT_NAMES: readonly string[] = EXPORT_FORMATS.map((format) => format.name);

/** The format a word names, in any case: its name or one of its aliases ("md", "Markdown", "MD"). */
export function exportFormat(word: string): ExportFormat | undefined {
  const name = word.toLowerCase();
  return EXPORT_FORMATS.find((format) => format.name === name || format.aliases.includes(name));
}
