import { localDate, wallClock } from "../time/local-date.js";
import { countsLine, describeFilter, groupByLink, type LinkNotes, type NotesSummary } from "./entries.js";
import type { Translate } from "../views/translate.js";

/** Backslashes the characters that would turn a title or tag into markup; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\\`*_[\]<>#|~]/g, "\\$&");
}

/** `<…>` lets a destination hold parentheses; only what would end it early is percent-encoded. */
function destination(url: string): string {
  return `<${url.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>`;
}

function localDateTime(epochMs: number, timeZone: string): string {
  const { hour, minute } = wallClock(epochMs, timeZone);
  return `${localDate(epochMs, timeZone)} ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Every line quoted: the note keeps its exact text, and a "# …" inside it cannot break the file's structure. */
function quoted(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");
}

function linkSection({ link, notes }: LinkNotes, timeZone: string): string {
  const parts = [`## [${escapeMarkdown(link.title ?? link.url)}](${destination(link.url)})`];
  if (link.tags.length > 0) parts.push(escapeMarkdown(link.tags.map((tag) => `#${tag}`).join(" ")));
  for (const note of notes) parts.push(`**${localDateTime(note.created_at, timeZone)}**`, quoted(note.text));
  return parts.join("\n\n");
}

/** The whole summary as a markdown document, notes complete. */
export function notesMarkdown(t: Translate, input: NotesSummary): string {
  const { period, tags } = describeFilter(t, input.filter);
  const about = [period, tags, countsLine(t, input.totals)].filter(Boolean).map(escapeMarkdown).join(" · ");
  const sections = groupByLink(input.notes).map((group) => linkSection(group, input.timeZone));
  return `${[`# ${escapeMarkdown(t("notes-file-title"))}`, about, ...sections].join("\n\n")}\n`;
}
