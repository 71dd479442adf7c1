import { normalizeTag } from "../tags/parse-tags.js";
import { parseLocalDate, zonedTimeToEpoch, type LocalDate } from "../time/local-date.js";
import type { ParseContext, ParsedFile, ParseProblem, PortableLink } from "./model.js";

/**
 * The hand-written study log: `# Section` headings (a tag for the links under them), `- 20210622` or
 * `- 2020-08-30` day items, one link per line (`✅ ` when read) with its title after the URL, and free note
 * lines under a link. Headings, days and links start at column 0; an indented line is always part of a note.
 */

/** The heading linklog's own export starts with: not a section, and its notes are indented by exactly this. */
export const EXPORT_HEADING = "linklog export";
const EXPORT_NOTE_INDENT = "  ";

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/u;
const DAY_ITEM = /^-\s+(\d{4})-?(\d{2})-?(\d{2})\s*$/u;
const OTHER_ITEM = /^-\s/u;
const LINK_LINE = /^(✅\s*)?(?:[-*]\s+)?(✅\s*)?(https?:\/\/\S+)(?:\s+(.*))?$/iu;

interface OpenLink {
  link: PortableLink;
  noteLines: string[];
}

class LogReader {
  readonly links: PortableLink[] = [];
  readonly problems: ParseProblem[] = [];
  private section: string | null = null;
  /** Start of the current day item in the user's zone; computed once per day, not per link. */
  private dayStart: number | null = null;
  /** Day starts by date: a zone's midnight takes several Intl calls, and a log repeats its days under each section. */
  private readonly dayStarts = new Map<string, number>();
  private exported = false;
  private open: OpenLink | null = null;
  /** A plain line at column 0 directly above the current line: the title of an untitled link that follows. */
  private titleCandidate: { text: string; inNote: boolean } | null = null;

  constructor(private readonly context: ParseContext) {}

  read(line: string, number: number): void {
    const candidate = this.titleCandidate;
    this.titleCandidate = null;
    if (line.trim() === "") {
      this.open?.noteLines.push(line);
      return;
    }
    const heading = HEADING.exec(line);
    if (heading) return this.startSection(heading[1]!);
    const day = DAY_ITEM.exec(line);
    if (day) return this.startDay(`${day[1]}-${day[2]}-${day[3]}`, line, number);
    const link = LINK_LINE.exec(line);
    if (link) return this.startLink(link[3]!, link[4]?.trim() || null, Boolean(link[1] ?? link[2]), candidate);
    // A list item that is not a day ("- tag") is a marker of the old log, kept nowhere on purpose.
    if (OTHER_ITEM.test(line)) return this.closeLink();
    this.readText(line, number);
  }

  private readText(line: string, number: number): void {
    const atColumnZero = !/^\s/u.test(line);
    if (this.open) this.open.noteLines.push(line);
    else this.problems.push({ line: number, text: line });
    if (atColumnZero) this.titleCandidate = { text: line.trim(), inNote: this.open !== null };
  }

  private startSection(name: string): void {
    this.closeLink();
    this.exported = name.trim().toLowerCase() === EXPORT_HEADING;
    this.section = this.exported ? null : normalizeTag(name);
    this.dayStart = null;
  }

  private startDay(date: string, line: string, number: number): void {
    this.closeLink();
    const day = parseLocalDate(date);
    if (day) this.dayStart = this.midnight(date, day);
    else this.problems.push({ line: number, text: line });
  }

  private midnight(date: string, day: NonNullable<ReturnType<typeof parseLocalDate>>): number {
    let start = this.dayStarts.get(date);
    if (start === undefined) {
      start = zonedTimeToEpoch({ ...day, hour: 0, minute: 0 }, this.context.timeZone);
      this.dayStarts.set(date, start);
    }
    return start;
  }

  private startLink(url: string, title: string | null, read: boolean, candidate: LogReader["titleCandidate"]): void {
    if (title === null && candidate) {
      // The line above belonged to the previous note (or to nothing) only until this link claimed it.
      if (candidate.inNote) this.open?.noteLines.pop();
      else this.problems.pop();
      title = candidate.text;
    }
    this.closeLink();
    this.open = {
      link: { url, title, tags: this.section ? [this.section] : [], notes: [], savedAt: this.dayStart, read, readAt: null },
      noteLines: [],
    };
  }

  closeLink(): void {
    if (!this.open) return;
    const { link, noteLines } = this.open;
    const text = this.noteText(noteLines);
    if (text !== "") link.notes.push({ text, createdAt: null });
    this.links.push(link);
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

export function parseMarkdownLog(text: string, context: ParseContext): ParsedFile {
  const reader = new LogReader(context);
  text.split(/\r?\n/u).forEach((line, i) => reader.read(line, i + 1));
  reader.closeLink();
  return { format: "markdown log", links: reader.links, problems: reader.problems };
}

// --- writing, a piece at a time so an export streams

export function markdownHeader(): string {
  return `# ${EXPORT_HEADING}\n`;
}

export function markdownDay(date: LocalDate): string {
  return `\n- ${date}\n`;
}

/**
 * A link line (`✅ ` when read, then URL and title) and its notes indented under it, one blank line before.
 * The log has one note block per link: several notes are written as paragraphs of it.
 */
export function markdownLink(link: Pick<PortableLink, "url" | "title" | "read" | "notes">): string {
  const title = link.title?.replace(/\s+/gu, " ").trim();
  const head = `${link.read ? "✅ " : ""}${link.url}${title ? ` ${title}` : ""}`;
  const block = link.notes.map((note) => note.text).join("\n\n");
  const notes = block === "" ? [] : block.split(/\r?\n/u).map((line) => (line === "" ? "" : `${EXPORT_NOTE_INDENT}${line}`));
  return `\n${[head, ...notes].join("\n")}\n`;
}
