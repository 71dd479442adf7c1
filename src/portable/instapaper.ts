import { tagSet } from "./fields.js";
import type { LinkLimit, ParsedFile } from "./model.js";
import { parseSectionedHtml, type SectionMeaning } from "./pocket-html.js";

/**
 * Instapaper's exports (instapaper.com/user, "Download .HTML file" and ".CSV file"). Both name each link's
 * folder: the built-in "Unread" (the inbox), "Starred" and "Archive", or one of the user's own. The archive is
 * what was read; a folder of one's own is what the link is about, so a tag; the inbox and the star are neither.
 * The CSV's columns are `URL,Title,Selection,Folder,Timestamp,Tags` (Timestamp and Tags since 2025), Tags a
 * JSON list: as wallabag's importer reads them (wallabag/wallabag src/Import/InstapaperImport.php).
 * The HTML is `<title>Instapaper: Export</title>`, then an `<h1>` per folder over an `<ol>` of `<li><a href>Title</a>`
 * (from memory of real exports: the title is checked first, a bare Archive or Starred heading as a fallback).
 */
export const INSTAPAPER_HTML_FORMAT = "Instapaper HTML";
export const INSTAPAPER_CSV_FORMAT = "Instapaper CSV";

const BUILT_IN_FOLDERS = new Set(["unread", "starred", "archive"]);

/** What a link's Instapaper folder says of it. */
export function instapaperFolder(folder: string): SectionMeaning {
  const name = folder.trim();
  const lower = name.toLowerCase();
  return { read: lower === "archive", tags: BUILT_IN_FOLDERS.has(lower) ? [] : tagSet([name]) };
}

// Pocket's sections are "Unread" and "Read Archive"; only Instapaper's are a bare "Archive" or "Starred".
const INSTAPAPER_TITLE = /<title>\s*Instapaper\b/iu;
const INSTAPAPER_HEADING = /<h1>\s*(?:Archive|Starred)\s*<\/h1>/iu;

/** Instapaper's title comes first; without it, a folder heading only Instapaper writes, wherever it is. */
export function isInstapaperHtml(html: string): boolean {
  if (/<!DOCTYPE\s+NETSCAPE/iu.test(html.slice(0, 1024))) return false;
  return INSTAPAPER_TITLE.test(html.slice(0, 4096)) || INSTAPAPER_HEADING.test(html);
}

export function parseInstapaperHtml(html: string, limit: LinkLimit = {}): ParsedFile {
  // The HTML export has no dates; no attribute is called this.
  return parseSectionedHtml(html, limit, { format: INSTAPAPER_HTML_FORMAT, dateAttribute: "time_added", section: instapaperFolder });
}
