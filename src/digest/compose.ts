import type { Translate } from "../views/translate.js";
import { domainOf, escapeHtml, htmlLink, truncate, shortUrl } from "../views/html.js";
import { formatDate, formatDay } from "../views/dates.js";
import { localDate, type LocalDate } from "../time/local-date.js";
import { pickRevisits } from "./revisit.js";
import { chooseUpNext } from "./up-next.js";

/** The translation function as this module needs it; grammY's i18n gives one. */

export interface DigestFacts {
  savedYesterday: number;
  readYesterday: number;
  notesYesterday: number;
  unread: number;
  readDays: number[];
  candidates: { id: number; url: string; title: string | null; saved_at: number }[];
  revisits: { id: number; link_id: number; text: string; created_at: number; url: string; title: string | null }[];
}

export interface DigestOptions {
  today: LocalDate;
  /** Today as a day number in the same local-day buckets as `readDays`. */
  todayNumber: number;
  timeZone: string;
  size: number;
  always: boolean;
  shownYesterday: ReadonlySet<number>;
}

export interface ComposedDigest {
  text: string;
  upNext: DigestFacts["candidates"];
}

const REVISITS_SHOWN = 2;
const NOTE_EXCERPT = 300;

/** Days in a row with at least one link read, ending today or, when nothing is read yet today, yesterday. */
export function readingStreak(readDays: readonly number[], todayNumber: number): number {
  const days = new Set(readDays);
  let day = days.has(todayNumber) ? todayNumber : todayNumber - 1;
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day--;
  }
  return streak;
}

function yesterdayLine(t: Translate, facts: DigestFacts, streak: number): string[] {
  const { savedYesterday: saved, readYesterday: read, notesYesterday: notes } = facts;
  if (saved + read + notes === 0 && streak === 0) return [];
  return [t("digest-yesterday", { saved, read, notes }) + (streak > 0 ? ` · ${t("digest-streak", { days: streak })}` : "")];
}

function upNextLines(t: Translate, links: DigestFacts["candidates"]): string[] {
  if (links.length === 0) return [];
  return [
    "",
    `<b>${t("digest-up-next")}</b>`,
    ...links.map((link, i) => `${i + 1}. ${htmlLink(link.url, truncate(link.title ?? shortUrl(link.url), 100))} <i>(${escapeHtml(domainOf(link.url))})</i>`),
  ];
}

function revisitLines(t: Translate, notes: DigestFacts["revisits"], options: DigestOptions): string[] {
  if (notes.length === 0) return [];
  return [
    "",
    `<b>${t("digest-revisit")}</b>`,
    ...notes.map((note) => {
      const title = htmlLink(note.url, truncate(note.title ?? shortUrl(note.url), 80));
      const written = formatDate(t, localDate(note.created_at, options.timeZone), options.today);
      return `${title} <i>${written}</i>\n${escapeHtml(truncate(note.text, NOTE_EXCERPT))}`;
    }),
  ];
}

/** The digest's text and the links it proposes, or null when there is nothing worth sending today. */
export function composeDigest(t: Translate, facts: DigestFacts, options: DigestOptions): ComposedDigest | null {
  const upNext = chooseUpNext(facts.candidates, options.size, options.shownYesterday, options.today);
  const withDates = facts.revisits.map((note) => ({ ...note, noteId: note.id, date: localDate(note.created_at, options.timeZone) }));
  const revisits = pickRevisits(withDates, options.today, REVISITS_SHOWN);
  if (facts.unread === 0 && revisits.length === 0 && !options.always) return null;
  const lines = [
    `<b>${t("digest-heading", { date: formatDay(t, options.today, options.today) })}</b>`,
    ...yesterdayLine(t, facts, readingStreak(facts.readDays, options.todayNumber)),
    ...upNextLines(t, upNext),
    ...revisitLines(t, revisits, options),
    "",
    facts.unread > 0 ? t("digest-unread", { count: facts.unread }) : t("digest-all-read"),
  ];
  return { text: lines.join("\n"), upNext };
}
