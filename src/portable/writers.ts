import { localDate } from "../time/local-date.js";
import { csvHeader, csvRow } from "./linklog-csv.js";
import { jsonHead, jsonItem, jsonTail } from "./linklog-json.js";
import { markdownDay, markdownHeader, markdownLink } from "./markdown-log.js";
import { htmlHead, htmlItem, htmlTail } from "./netscape-html.js";
import type { PortableLink } from "./model.js";

/** Turns links, a batch at a time, into pieces of one file; a writer may keep state between batches. */
export interface ExportWriter {
  head(): string;
  links(batch: readonly PortableLink[]): string;
  tail(): string;
}

export interface WriteContext {
  timeZone: string;
  now: number;
  /** The few words a file's head says, in the user's language when the bot writes it; English by default (the CLI). */
  words?: ExportWords;
}

export interface ExportWords {
  /** The markdown log's first heading: one of EXPORT_HEADINGS, so that the file imports back as an export. */
  markdownHeading: string;
  /** The title of a bookmarks file. */
  bookmarksTitle: string;
}

/** Makes a fresh writer for one export file. */
export type CreateWriter = (context: WriteContext) => ExportWriter;

/**
 * The log format: one heading, then days newest first, each link under the local day it was saved, and a day's
 * links in the order they were saved, as the log is written by hand (an import of the file stores them in that
 * order again). Links come newest first, so a day's links are held until the day is over and then written in
 * reverse: memory holds one day of links, not one batch, which only a day of many thousands of saves makes felt.
 */
export const markdownWriter: CreateWriter = ({ timeZone, words }) => {
  let day: string | null = null;
  let held: PortableLink[] = [];
  const writeDay = () => {
    const text = day === null ? "" : markdownDay(day) + held.reverse().map(markdownLink).join("");
    held = [];
    return text;
  };
  return {
    head: () => markdownHeader(words?.markdownHeading),
    links: (batch) => {
      let text = "";
      for (const link of batch) {
        const date = localDate(link.savedAt ?? 0, timeZone);
        if (date !== day) {
          text += writeDay();
          day = date;
        }
        held.push(link);
      }
      return text;
    },
    tail: writeDay,
  };
};

/** Netscape bookmark HTML, which every browser imports. */
export const htmlWriter: CreateWriter = ({ words }) => ({
  head: () => htmlHead(words?.bookmarksTitle),
  links: (batch) => batch.map(htmlItem).join(""),
  tail: htmlTail,
});

/**
 * Starts with a UTF-8 BOM: without it Excel (a Chinese Windows Excel above all) reads the file in the system's
 * code page and garbles every non-ASCII title. Every reader of linklog's drops the BOM with the decoding.
 */
const UTF8_BOM = "\uFEFF";

/** linklog's CSV, its times in the user's zone with the offset. */
export const csvWriter: CreateWriter = ({ timeZone }) => ({
  head: () => UTF8_BOM + csvHeader(),
  links: (batch) => batch.map((link) => csvRow(link, timeZone)).join(""),
  tail: () => "",
});

/** Every field, linklog's lossless format; records are numbered across batches for the separators between them. */
export const jsonWriter: CreateWriter = ({ now }) => {
  let index = 0;
  return { head: () => jsonHead(now), links: (batch) => batch.map((link) => jsonItem(link, index++)).join(""), tail: jsonTail };
};
