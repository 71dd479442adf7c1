import { isKnownCsv, parseCsvFile } from "./csv-formats.js";
import { isLinklogJson, parseLinklogJson } from "./linklog-json.js";
import { parseMarkdownLog } from "./markdown-log.js";
import type { ParseContext, ParsedFile } from "./model.js";
import { parseNetscapeHtml } from "./netscape-html.js";
import { isPocketHtml, parsePocketHtml } from "./pocket-html.js";
import { decodeText, isZip } from "./text-bytes.js";
import { parseZip } from "./zip.js";

type TextParser = (text: string, context: ParseContext) => ParsedFile;

const parseHtml: TextParser = (text, context) => (isPocketHtml(text) ? parsePocketHtml(text, context) : parseNetscapeHtml(text, context));

const BY_EXTENSION = new Map<string, TextParser>([
  ["html", parseHtml],
  ["htm", parseHtml],
  ["csv", parseCsvFile],
  ["json", parseLinklogJson],
  ["md", parseMarkdownLog],
  ["markdown", parseMarkdownLog],
  ["txt", parseMarkdownLog],
]);

/** A file with another name is read by what it starts with; plain text is taken for a hand-written log. */
function sniff(text: string): TextParser {
  if (isLinklogJson(text)) return parseLinklogJson;
  if (/^\s*<(?:!doctype|html|dl|dt|meta|title)/iu.test(text)) return parseHtml;
  if (isKnownCsv(text)) return parseCsvFile;
  return parseMarkdownLog;
}

function problem(text: string): ParsedFile {
  return { format: "unknown", links: [], problems: [{ line: 1, text }] };
}

/** A file that gave nothing at all still gets a word for the preview. */
function saidSomething(parsed: ParsedFile): ParsedFile {
  return parsed.links.length > 0 || parsed.problems.length > 0 ? parsed : { ...parsed, problems: [{ line: 1, text: "no links found in this file" }] };
}

/** Reads an uploaded file by its name and content: a bookmark or Pocket export, a CSV, a zip of CSVs, linklog JSON or a markdown log. */
export function parseImportFile(fileName: string, content: Uint8Array, context: ParseContext): ParsedFile {
  const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (isZip(content)) return saidSomething(parseZip(content, context));
  if (extension === "zip") return problem("this is not a zip file");
  const text = decodeText(content);
  if (text === null) return problem("this does not look like a text file");
  if (text.trim() === "") return problem("the file is empty");
  return saidSomething((BY_EXTENSION.get(extension) ?? sniff(text))(text, context));
}
