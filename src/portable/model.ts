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
}

export interface PortableNote {
  text: string;
  /** Epoch ms; null when the file does not say (the link's saved time is used). */
  createdAt: number | null;
}

/** A line (or record) of the file that was not understood, for the preview. */
export interface ParseProblem {
  line: number;
  text: string;
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
