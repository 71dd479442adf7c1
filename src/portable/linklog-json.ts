import { z } from "zod";
import { isoString, tagSet } from "./fields.js";
import { LinkList } from "./link-cap.js";
import type { LinkLimit, ParsedFile, PortableLink, ProblemArgs, ProblemKey } from "./model.js";
import { problem, ProblemList } from "./problems.js";

/**
 * linklog's own export, the one format that keeps everything: each note with its date, read time, exact
 * titles. `{ "format": "linklog", "version": 1, "exported_at", "links": [ { "url", "title", "tags", "saved_at",
 * "read", "read_at", "notes": [ { "text", "created_at" } ] } ] }`, dates as ISO 8601 in UTC to the millisecond.
 * A record that does not fit is a problem numbered by its place in the list, and the others are still read.
 */
export const LINKLOG_JSON_FORMAT = "linklog JSON";
export const LINKLOG_JSON_VERSION = 1;

const isoDate = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));

const noteRecord = z.object({ text: z.string().min(1), created_at: isoDate.nullable().default(null) });

const linkRecord = z.object({
  url: z.string().trim().min(1),
  title: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  saved_at: isoDate.nullable().default(null),
  read: z.boolean().default(false),
  read_at: isoDate.nullable().default(null),
  notes: z.array(noteRecord).default([]),
});

const fileRecord = z.object({ format: z.literal("linklog"), version: z.number().int().positive(), links: z.array(z.unknown()) });

/** Whether the text is a JSON object that says it is linklog's, judged by its start. */
export function isLinklogJson(text: string): boolean {
  return /^\s*\{/u.test(text) && /"format"\s*:\s*"linklog"/u.test(text.slice(0, 1024));
}

function problemFile(key: ProblemKey, args: ProblemArgs = {}, line = 1, format = LINKLOG_JSON_FORMAT): ParsedFile {
  return { format, links: [], problems: [problem(line, key, args)] };
}

/** The line of a JSON syntax error, where the engine's message gives the position. */
function syntaxErrorLine(text: string, error: unknown): number {
  const position = /position (\d+)/u.exec(error instanceof Error ? error.message : "");
  return position ? text.slice(0, Number(position[1])).split("\n").length : 1;
}

// linklog's export nests four deep, browsers' bookmark trees two levels per folder; JSON.parse spends many times longer per byte on deep nesting than on flat lists.
export const MAX_NESTING = 32;

/** Whether brackets outside strings nest deeper than any linklog export, found in one pass without parsing. */
export function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === 0x5c) at++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > MAX_NESTING) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}

/**
 * The value of a JSON text, or the one problem that stops it being read, in a file of the given format. Every
 * JSON reader goes through here (json-formats.ts), so each has the same nesting limit before `JSON.parse`.
 */
export function parseJson(text: string, format = LINKLOG_JSON_FORMAT): { value: unknown } | { problem: ParsedFile } {
  if (nestsTooDeep(text)) return { problem: problemFile("problem-json-too-deep", { max: MAX_NESTING }, 1, format) };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: problemFile("problem-json-invalid", {}, syntaxErrorLine(text, error), format) };
  }
}

/** The first thing wrong with a record: the field it is in and the kind of issue, which the words choose from. */
function issueOf(error: z.ZodError): [ProblemKey, ProblemArgs] {
  const issue = error.issues[0];
  if (!issue) return ["problem-json-record", {}];
  const expected = "expected" in issue && typeof issue.expected === "string" ? issue.expected : "";
  return ["problem-json-field", { field: issue.path.join(".") || "record", issue: issue.code, expected }];
}

function toLink(record: z.infer<typeof linkRecord>): PortableLink {
  return {
    url: record.url,
    title: record.title,
    tags: tagSet(record.tags),
    notes: record.notes.map((note) => ({ text: note.text, createdAt: note.created_at })),
    savedAt: record.saved_at,
    read: record.read,
    readAt: record.read_at,
  };
}

export function parseLinklogJson(text: string, limit: LinkLimit = {}): ParsedFile {
  const json = parseJson(text);
  return "problem" in json ? json.problem : readLinklogJson(json.value, limit);
}

/** Whether a parsed JSON value says it is linklog's export; the records are checked when read. */
export function saysLinklog(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === "linklog";
}

/** linklog's export once parsed. */
export function readLinklogJson(value: unknown, limit: LinkLimit = {}): ParsedFile {
  const file = fileRecord.safeParse(value);
  if (!file.success) return problemFile("problem-json-not-linklog");
  if (file.data.version > LINKLOG_JSON_VERSION) return problemFile("problem-json-newer", { version: file.data.version });
  const links = new LinkList(limit.maxLinks);
  const problems = new ProblemList();
  for (const [index, value] of file.data.links.entries()) {
    if (links.full) break;
    const record = linkRecord.safeParse(value);
    if (record.success) links.add(toLink(record.data));
    else problems.add(index + 1, ...issueOf(record.error));
  }
  return { format: LINKLOG_JSON_FORMAT, links: links.links, problems: problems.list(), ...links.cut };
}

export function jsonHead(exportedAt: number): string {
  const head = { format: "linklog", version: LINKLOG_JSON_VERSION, exported_at: isoString(exportedAt) };
  return `${JSON.stringify(head).slice(0, -1)},"links":[\n`;
}

/** One link of the list; `index` counts from 0 and tells whether a comma goes before it. */
export function jsonItem(link: PortableLink, index: number): string {
  const record = {
    url: link.url,
    title: link.title,
    tags: link.tags,
    saved_at: isoString(link.savedAt),
    read: link.read,
    read_at: isoString(link.readAt),
    notes: link.notes.map((note) => ({ text: note.text, created_at: isoString(note.createdAt) })),
  };
  return `${index === 0 ? "" : ",\n"}${JSON.stringify(record)}`;
}

export function jsonTail(): string {
  return "\n]}\n";
}
