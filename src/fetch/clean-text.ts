import { truncate } from "../views/html.js";

/** How long each text may be, in characters: enough for any honest title, short enough for a chat message. */
export const MAX_LENGTH = { title: 300, siteName: 120, description: 500, fileName: 200 };

// Control characters, and the bidirectional overrides and isolates that would let a title reorder the text around it.
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * How much of a text is cleaned, in characters: an honest title fits many times over even with its whitespace,
 * and a page's megabyte-long attribute is not worked over in full.
 */
export const READ_LENGTH = 16 * 1024;

/** Untrusted text made fit to show: unsafe characters out, whitespace collapsed, cut to `max`; empty becomes nothing. */
export function cleanText(raw: string | undefined, max: number): string | undefined {
  const text = raw?.slice(0, READ_LENGTH).replace(UNSAFE, " ").replace(/\s+/gu, " ").trim();
  return text ? truncate(text, max) : undefined;
}

export function firstClean(max: number, ...candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const text = cleanText(candidate, max);
    if (text) return text;
  }
  return undefined;
}
