import { binaryFormatOf, extensionOf, formatByExtension, sniffTextFormat } from "./formats.js";
import type { ParseContext, ParsedFile, ProblemKey } from "./model.js";
import { problem } from "./problems.js";
import { decodeText } from "./text-bytes.js";

/** The format of a file that could not be read as any. */
export const UNKNOWN_FORMAT = "unknown";

function problemFile(key: ProblemKey): ParsedFile {
  return { format: UNKNOWN_FORMAT, links: [], problems: [problem(1, key)] };
}

/** A file that gave nothing at all still gets a word for the preview. */
function saidSomething(parsed: ParsedFile): ParsedFile {
  return parsed.links.length > 0 || parsed.problems.length > 0 ? parsed : { ...parsed, problems: [problem(1, "problem-no-links")] };
}

/**
 * Reads an uploaded file by its content and name, with the readers of the format table: an archive by its
 * bytes whatever its name, text by its extension, or by its start when the name says nothing.
 */
export function parseImportFile(fileName: string, content: Uint8Array, context: ParseContext): ParsedFile {
  const archive = binaryFormatOf(content);
  if (archive) return saidSomething(archive.read(content, context));
  const named = formatByExtension(extensionOf(fileName));
  if (named?.binary) return problemFile("problem-not-zip");
  const text = decodeText(content);
  if (text === null) return problemFile("problem-not-text");
  if (text.trim() === "") return problemFile("problem-empty-file");
  return saidSomething((named ?? sniffTextFormat(text)).read(text, context));
}
