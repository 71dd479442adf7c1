import { parse } from "content-disposition";
import { cleanText, MAX_LENGTH } from "./clean-text.js";

function dispositionName(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  try {
    return parse(header).parameters.filename;
  } catch {
    // A malformed header names nothing; the URL still may.
    return undefined;
  }
}

function lastSegment(url: URL): string | undefined {
  const segment = url.pathname.split("/").at(-1);
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The name a server gives the download, else the last segment of the URL it came from. */
export function fileNameOf(url: URL, contentDisposition: string | undefined): string | undefined {
  return cleanText(dispositionName(contentDisposition) ?? lastSegment(url), MAX_LENGTH.fileName);
}
