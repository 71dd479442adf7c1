import { normalizeTag } from "../tags/parse-tags.js";
import { parseLocalDate, zonedTimeToEpoch, type LocalDate } from "../time/local-date.js";
import { MAX_IMPORTED_TAGS } from "./fields.js";
import { LinkList } from "./link-cap.js";
import type { ParseContext, ParsedFile, PortableLink } from "./model.js";
import { ProblemList } from "./problems.js";

/**
 * The hand-written study log: `# Section` headings (a tag for the links under them), `- 20210622` or
 * `- 2020-08-30` day items, one link per line (`✅ ` when read) with its title after the URL, and free note
 * lines under a link. Headings, days and links start at column 0; an indented line is always part of a note.
 * linklog's own export (under EXPORT_HEADING) has no sections: it ends each link's line with the link's tags.
 */

/** The format's name in the preview. */
export const MARKDOWN_LOG_FORMAT = "markdown log";

/**
 * The heading linklog's own export starts with, in English: not a section, and its notes are indented by exactly
 * this. The bot writes it in the user's language (`export-markdown-heading`), so every translation is known here
 * too, lower-cased, and a test holds the locale files to this list.
 */
export const EXPORT_HEADING = "linklog export";
export const EXPORT_HEADINGS: ReadonlySet<string> = new Set([EXPORT_HEADING, "linklog 导出"]);
const EXPORT_NOTE_INDENT = "  ";

/*
 * Lines are taken apart by hand or with patterns that cannot backtrack (one character class, or anchored with
 * nothing optional after a run): a heading pattern with a lazy name before optional runs backtracks in cubic
 * time on a run of spaces, and a link pattern with an optional title in quadratic time on spaces before a
 * lone CR or U+2028, which `.` does not match.
 */
const DAY_ITEM = /^-\s+(\d{4})-?(\d{2})-?(\d{2})\s*$/u;
const OTHER_ITEM = /^-\s/u;
const SPACES = /\s*/uy;
const NOT_SPACE = /\S*/uy;
const LINK_START = /https?:\/\//iy;
const READ_MARK = "✅";
/**
 * An export ends a link's line with its tags, `#rust #进程`: what a person reads as tags, on the line of the link
 * they belong to, and unambiguous, as a tag never holds a space or a `#`. Sections (`# Rust`) would repeat a link
 * under each of its tags and lose the order of a day's links. Only the last words are tags, and the writer
 * escapes a title's last word that starts with `#` (`Issue \#42`), so a `#` inside a title or note stays text.
 */
const TAG_MARK = "#";
/** A tag is at most 40 code points, 80 UTF-16 units: a longer word is no tag, and is not normalized to find out. */
const MAX_TAG_UNITS = 80;
/** A word with a `#` after none or more `\`: written with one `\` more at the end of a title. */
const ESCAPED_TAG = /^\\*#/u;

/** The offset after the whitespace run starting at `at`. */
function skipSpace(line: string, at: number): number {
  SPACES.lastIndex = at;
  SPACES.exec(line);
  return SPACES.lastIndex;
}

/** `# Name`, `## Name ##`: 1 to 6 `#`, whitespace, then the name without the closing `#` run. */
function headingName(line: string): string | null {
  let level = 0;
  while (line[level] === "#") level++;
  if (level === 0 || level > 6 || skipSpace(line, level) === level) return null;
  const text = line.slice(level).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  const name = text.slice(0, end).trimEnd();
  // A heading of nothing but `#` marks is named by them, and one of nothing at all is a section without a tag.
  return name === "" ? text : name;
}

interface LinkLine {
  url: string;
  title: string | null;
  read: boolean;
}

/** `✅ https://… title`, also as a list item (`- ✅ https://…`, `✅ - https://…`). */
function linkLine(line: string): LinkLine | null {
  let at = 0;
  let read = false;
  if (line.startsWith(READ_MARK)) [read, at] = [true, skipSpace(line, READ_MARK.length)];
  if ((line[at] === "-" || line[at] === "*") && skipSpace(line, at + 1) > at + 1) at = skipSpace(line, at + 1);
  if (line.startsWith(READ_MARK, at)) [read, at] = [true, skipSpace(line, at + READ_MARK.length)];
  LINK_START.lastIndex = at;
  if (!LINK_START.test(line)) return null;
  NOT_SPACE.lastIndex = LINK_START.lastIndex;
  NOT_SPACE.exec(line);
  const end = NOT_SPACE.lastIndex;
  if (end === LINK_START.lastIndex) return null;
  return { url: line.slice(at, end), title: line.slice(end).trim() || null, read };
}

/** An export's link line after the URL: the `#tag` words at its end, and the title before them, unescaped. */
function titleAndTags(text: string): [string | null, string[]] {
  const tags: string[] = [];
  let end = text.length;
  while (tags.length < MAX_IMPORTED_TAGS) {
    let start = end;
    while (start > 0 && !/\s/u.test(text[start - 1]!)) start--;
    const word = text.slice(start, end);
    const tag = word.slice(TAG_MARK.length);
    if (!word.startsWith(TAG_MARK) || tag.length > MAX_TAG_UNITS || normalizeTag(tag) !== tag) break;
    tags.push(tag);
    end = skipBackSpace(text, start);
  }
  const title = text.slice(0, end);
  let start = end;
  while (start > 0 && !/\s/u.test(title[start - 1]!)) start--;
  const unescaped = /^\\+#/u.test(title.slice(start)) ? title.slice(0, start) + title.slice(start + 1) : title;
  return [unescaped === "" ? null : unescaped, [...new Set(tags.reverse())]];
}

/** The offset before the whitespace run that ends at `at`. */
function skipBackSpace(text: string, at: number): number {
  while (at > 0 && /\s/u.test(text[at - 1]!)) at--;
  return at;
}

interface OpenLink {
  link: PortableLink;
  noteLines: string[];
}

class LogReader {
  readonly links: LinkList;
  readonly problems = new ProblemList();
  private section: string | null = null;
  /** Start of the current day item in the user's zone; computed once per day, not per link. */
  private dayStart: number | null = null;
  /** Day starts by date: a zone's midnight takes several Intl calls, and a log repeats its days under each section. */
  private readonly dayStarts = new Map<string, number>();
  private exported = false;
  private open: OpenLink | null = null;
  /** A plain line at column 0 directly above the current line: the title of an untitled link that follows. */
  private titleCandidate: { text: string; inNote: boolean } | null = null;

  constructor(private readonly context: ParseContext) {
    this.links = new LinkList(context.maxLinks);
  }

  read(line: string, number: number): void {
    const candidate = this.titleCandidate;
    this.titleCandidate = null;
    if (line.trim() === "") {
      this.open?.noteLines.push(line);
      return;
    }
    const heading = headingName(line);
    if (heading !== null) return this.startSection(heading);
    const day = DAY_ITEM.exec(line);
    if (day) return this.startDay(`${day[1]}-${day[2]}-${day[3]}`, line, number);
    const link = linkLine(line);
    if (link) return this.startLink(link.url, link.title, link.read, candidate);
    // A list item that is not a day ("- tag") is a marker of the old log, kept nowhere on purpose.
    if (OTHER_ITEM.test(line)) return this.closeLink();
    this.readText(line, number);
  }

  private readText(line: string, number: number): void {
    const atColumnZero = !/^\s/u.test(line);
    if (this.open) this.open.noteLines.push(line);
    else this.problems.add(number, "problem-not-understood", { text: line });
    if (atColumnZero) this.titleCandidate = { text: line.trim(), inNote: this.open !== null };
  }

  private startSection(name: string): void {
    this.closeLink();
    this.exported = EXPORT_HEADINGS.has(name.trim().toLowerCase());
    this.section = this.exported ? null : normalizeTag(name);
    this.dayStart = null;
  }

  private startDay(date: string, line: string, number: number): void {
    this.closeLink();
    const day = parseLocalDate(date);
    if (day) this.dayStart = this.midnight(date, day);
    else this.problems.add(number, "problem-not-understood", { text: line });
  }

  private midnight(date: string, day: NonNullable<ReturnType<typeof parseLocalDate>>): number {
    let start = this.dayStarts.get(date);
    if (start === undefined) {
      start = zonedTimeToEpoch({ ...day, hour: 0, minute: 0 }, this.context.timeZone);
      this.dayStarts.set(date, start);
    }
    return start;
  }

  private startLink(url: string, written: string | null, read: boolean, candidate: LogReader["titleCandidate"]): void {
    const [titleWritten, tags] = this.exported && written !== null ? titleAndTags(written) : [written, this.section ? [this.section] : []];
    let title = titleWritten;
    if (title === null && candidate) {
      // The line above belonged to the previous note (or to nothing) only until this link claimed it.
      if (candidate.inNote) this.open?.noteLines.pop();
      else this.problems.removeLast();
      title = candidate.text;
    }
    this.closeLink();
    this.open = {
      link: { url, title, tags, notes: [], savedAt: this.dayStart, read, readAt: null },
      noteLines: [],
    };
  }

  closeLink(): void {
    if (!this.open) return;
    const { link, noteLines } = this.open;
    const text = this.noteText(noteLines);
    if (text !== "") link.notes.push({ text, createdAt: null });
    this.links.add(link);
    this.open = null;
  }

  private noteText(lines: string[]): string {
    const first = lines.findIndex((line) => line.trim() !== "");
    if (first === -1) return "";
    const last = lines.findLastIndex((line) => line.trim() !== "");
    const kept = lines.slice(first, last + 1);
    return (this.exported ? kept.map((line) => (line.startsWith(EXPORT_NOTE_INDENT) ? line.slice(EXPORT_NOTE_INDENT.length) : line)) : kept).join("\n");
  }
}

/** Lines split at LF or CRLF, one at a time: a file of ten million short lines is never held as ten million strings. */
export function* lines(text: string): Generator<string> {
  for (let start = 0; start <= text.length;) {
    const feed = text.indexOf("\n", start);
    const end = feed === -1 ? text.length : feed;
    yield text.slice(start, feed > start && text[feed - 1] === "\r" ? feed - 1 : end);
    start = end + 1;
  }
}

export function parseMarkdownLog(text: string, context: ParseContext): ParsedFile {
  const reader = new LogReader(context);
  let number = 0;
  for (const line of lines(text)) {
    reader.read(line, ++number);
    if (reader.links.full) break;
  }
  reader.closeLink();
  return { format: MARKDOWN_LOG_FORMAT, links: reader.links.links, problems: reader.problems.list(), ...reader.links.cut };
}

// --- writing, a piece at a time so an export streams

/** A title whose last word reads as a tag (`Issue #42`) gets one more `\` before its `#`, which reading takes off again. */
function escapeLastWord(title: string): string {
  const space = title.lastIndexOf(" ");
  return ESCAPED_TAG.test(title.slice(space + 1)) ? `${title.slice(0, space + 1)}\\${title.slice(space + 1)}` : title;
}

/** The export's first line; `heading` is one of EXPORT_HEADINGS, so the file imports back as an export. */
export function markdownHeader(heading: string = EXPORT_HEADING): string {
  return `# ${heading}\n`;
}

export function markdownDay(date: LocalDate): string {
  return `\n- ${date}\n`;
}

/**
 * A link line (`✅ ` when read, then URL, title and `#tag`s) and its notes indented under it, one blank line
 * before. The log has one note block per link: several notes are written as paragraphs of it.
 */
export function markdownLink(link: Pick<PortableLink, "url" | "title" | "read" | "notes" | "tags">): string {
  const title = escapeLastWord(link.title?.replace(/\s+/gu, " ").trim() ?? "");
  const words = [`${link.read ? "✅ " : ""}${link.url}`, ...(title ? [title] : []), ...link.tags.map((tag) => `${TAG_MARK}${tag}`)];
  const head = words.join(" ");
  const block = link.notes.map((note) => note.text).join("\n\n");
  const notes = block === "" ? [] : block.split(/\r?\n/u).map((line) => (line === "" ? "" : `${EXPORT_NOTE_INDENT}${line}`));
  return `\n${[head, ...notes].join("\n")}\n`;
}
