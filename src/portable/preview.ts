import type { KeyedLink } from "./merge.js";
import type { ParsedFile, ParseProblem } from "./model.js";

/** What the user sees before deciding to import. */
export interface ImportPreview {
  format: string;
  found: number;
  alreadySaved: number;
  read: number;
  withNotes: number;
  tags: string[];
  firstSaved: number | null;
  lastSaved: number | null;
  problems: ParseProblem[];
  /** Addresses in the file that are not web links. */
  invalid: string[];
  /** Set when the file holds more links than the cap: only this many were read, and only they are imported. */
  cutAt: number | null;
}

export function previewOf(parsed: ParsedFile, merged: { links: KeyedLink[]; invalid: string[] }, saved: ReadonlySet<string>): ImportPreview {
  const dates = merged.links.flatMap((link) => (link.savedAt === null ? [] : [link.savedAt]));
  return {
    format: parsed.format,
    found: merged.links.length,
    alreadySaved: merged.links.filter((link) => saved.has(link.urlKey)).length,
    read: merged.links.filter((link) => link.read).length,
    withNotes: merged.links.filter((link) => link.notes.length > 0).length,
    tags: [...new Set(merged.links.flatMap((link) => link.tags))].sort(),
    // reduce, not Math.min(...dates): a spread of 100,000 arguments overflows the stack.
    firstSaved: dates.length > 0 ? dates.reduce((a, b) => Math.min(a, b)) : null,
    lastSaved: dates.length > 0 ? dates.reduce((a, b) => Math.max(a, b)) : null,
    problems: parsed.problems,
    invalid: merged.invalid,
    cutAt: parsed.cutAt ?? null,
  };
}
