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

/** The log format: one heading, then days newest first, each link under the local day it was saved. */
export const markdownWriter: CreateWriter = ({ timeZone, words }) => {
  let day: string | null = null;
  return {
    head: () => markdownHeader(words?.markdownHeading),
    links: (batch) =>
      batch
        .map((link) => {
          const date = localDate(link.savedAt ?? 0, timeZone);
          const heading = date === day ? "" : markdownDay(date);
          day = date;
          return heading + markdownLink(link);
        })
        .join(""),
    tail: () => "",
  };
};

/** Netscape bookmark HTML, which every browser imports. */
export const htmlWriter: CreateWriter = ({ words }) => ({
  head: () => htmlHead(words?.bookmarksTitle),
  links: (batch) => batch.map(htmlItem).join(""),
  tail: htmlTail,
});

export const csvWriter: CreateWriter = () => ({ head: csvHeader, links: (batch) => batch.map(csvRow).join(""), tail: () => "" });

/** Every field, linklog's lossless format; records are numbered across batches for the separators between them. */
export const jsonWriter: CreateWriter = ({ now }) => {
  let index = 0;
  return { head: () => jsonHead(now), links: (batch) => batch.map((link) => jsonItem(link, index++)).join(""), tail: jsonTail };
};
