/**
 * A link as every import and export format sees it: the common ground between the markdown log,
 * browser bookmark files, Pocket and Raindrop exports, linklog's own JSON and the database.
 */
export interface PortableLink {
  /** As written in the file; normalized (and de-duplicated) only when stored. */
  url: string;
  title: string | null;
  /** Lower-case, without "#", as `normalizeTag` makes them. */
  tags: string[];
  /** Oldest first. */
  notes: PortableNote[];
  /** Epoch ms; null when the file does not say (the import time is used). */
  savedAt: number | null;
  read: boolean;
  /** Epoch ms when known; a read link without it counts as read when it was saved. */
  readAt: number | null;
  /** Where it came from, when the file says: the channel or person a forwarded Telegram post is from (links.source). */
  source?: string | null;
}

export interface PortableNote {
  text: string;
  /** Epoch ms; null when the file does not say (the link's saved time is used). */
  createdAt: number | null;
}

/**
 * Every kind of problem a reader reports, each a message of locales/…/import-export.ftl: the readers say what
 * went wrong as data, and the bot (in the user's language) or the CLI (in English) puts it in words.
 */
export const PROBLEM_KEYS = [
  "problem-more",
  "problem-not-understood",
  "problem-no-links",
  "problem-empty-file",
  "problem-not-text",
  "problem-not-zip",
  "problem-csv-unclosed-quote",
  "problem-csv-after-quote",
  "problem-csv-unknown-header",
  "problem-csv-no-url",
  "problem-csv-empty",
  "problem-html-no-address",
  "problem-html-no-address-untitled",
  "problem-bad-date",
  "problem-json-too-deep",
  "problem-json-invalid",
  "problem-json-not-linklog",
  "problem-json-newer",
  "problem-json-field",
  "problem-json-record",
  "problem-json-unknown",
  "problem-zip-too-many-files",
  "problem-zip-too-large-mib",
  "problem-zip-too-large-bytes",
  "problem-zip-packed-too-tightly",
  "problem-zip-damaged",
  "problem-zip-no-csv",
  "problem-zip-entry-method",
  "problem-zip-entry-damaged",
  "problem-zip-entry-not-text",
] as const;
export type ProblemKey = (typeof PROBLEM_KEYS)[number];
export type ProblemArgs = Record<string, string | number>;

/** A line (or record) of the file that was not understood, for the preview: a message key and what it quotes. */
export interface ParseProblem {
  line: number;
  key: ProblemKey;
  args: ProblemArgs;
  /** The file inside a zip the problem is in; the words say so before the problem's own. */
  entry?: string;
}

export interface ParsedFile {
  /** Which format the content was read as, for the preview ("markdown log", "Pocket CSV", …). */
  format: string;
  links: PortableLink[];
  problems: ParseProblem[];
  /** Set when the file holds more links than the reader's cap: only the first `cutAt` were read. */
  cutAt?: number;
}

/** What a parser needs beyond the bytes: dates without a time are local days of the importing user. */
export interface ParseContext {
  timeZone: string;
  now: number;
  /** Links read at most (DEFAULT_MAX_LINKS when not given); the rest of the file is left unread. */
  maxLinks?: number;
  /** Bytes a zip may unpack to at most (DEFAULT_ZIP_LIMITS when not given). */
  maxUnpackedBytes?: number;
}

/** The part of the context a reader without dates needs. */
export type LinkLimit = Pick<ParseContext, "maxLinks">;
