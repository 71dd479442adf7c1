import type { Translate } from "../views/translate.js";
import { formatDayRange, formatMonth } from "../views/dates.js";
import type { NotesFilter } from "./args.js";

/** A note as summaries show it, with its link. */
export interface NoteEntry {
  id: number;
  link_id: number;
  text: string;
  created_at: number;
  url: string;
  title: string | null;
  tags: string[];
}

export interface NotesTotals {
  notes: number;
  links: number;
}

/** What a summary shows, as pages or as a file. */
export interface NotesSummary {
  filter: NotesFilter;
  totals: NotesTotals;
  /** Grouped by link already, as the store orders them: a page's slice, or everything for the file. */
  notes: readonly NoteEntry[];
  timeZone: string;
}

/** The shape of `ctx.t`, so that summaries are built from plain values. */

export interface LinkNotes {
  link: Pick<NoteEntry, "link_id" | "url" | "title" | "tags">;
  notes: NoteEntry[];
}

/** Consecutive notes on the same link become one group; the order of groups and notes is kept. */
export function groupByLink(notes: readonly NoteEntry[]): LinkNotes[] {
  const groups: LinkNotes[] = [];
  for (const note of notes) {
    const last = groups.at(-1);
    if (last?.link.link_id === note.link_id) last.notes.push(note);
    else groups.push({ link: note, notes: [note] });
  }
  return groups;
}

/** The period in the user's words: "Nov 19 – 25", "November 2026", "all time". */
function periodWords(t: Translate, { days, month, name }: NotesFilter["period"]): string {
  // The last day of "the last n days" is the day it was asked on, so the year shows only when the days span two.
  if (days) return formatDayRange(t, days.first, days.last, days.last);
  if (month) return formatMonth(t, month);
  return name ?? t("notes-all-time");
}

/** Plain text (not escaped) naming the period and the tags, shared by the pages and the file. */
export function describeFilter(t: Translate, filter: NotesFilter): { period: string; tags: string } {
  return {
    period: periodWords(t, filter.period),
    tags: filter.tags.map((tag) => `#${tag}`).join(" "),
  };
}

export function countsLine(t: Translate, totals: NotesTotals): string {
  return t("notes-counts", { notes: totals.notes, links: totals.links });
}
