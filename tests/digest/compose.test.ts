import { describe, expect, it } from "vitest";
import { composeDigest, readingStreak, type DigestFacts, type DigestOptions } from "../../src/digest/compose.js";
import { parseTelegramHtml } from "../../src/emulator/index.js";

const t = (key: string, vars?: Record<string, string | number>) => (vars ? `${key}${JSON.stringify(vars)}` : key);
const facts = (overrides: Partial<DigestFacts> = {}): DigestFacts => ({
  savedYesterday: 0,
  readYesterday: 0,
  notesYesterday: 0,
  unread: 0,
  readDays: [],
  candidates: [],
  revisits: [],
  ...overrides,
});
const options: DigestOptions = { today: "2026-11-25", todayNumber: 1000, timeZone: "UTC", size: 3, always: false, shownYesterday: new Set() };
const link = (id: number) => ({ id, url: `https://example.org/${id}`, title: `<b>Title ${id}</b>`, saved_at: id });

describe("reading streak", () => {
  it("counts days in a row ending today, or yesterday when nothing is read yet today", () => {
    expect(readingStreak([1000, 999, 998, 996], 1000)).toBe(3);
    expect(readingStreak([999, 998], 1000)).toBe(2);
    expect(readingStreak([998, 997], 1000)).toBe(0);
    expect(readingStreak([], 1000)).toBe(0);
  });
});

describe("digest composition", () => {
  it("sends nothing on a day with nothing unread and nothing to revisit, unless asked to always send", () => {
    expect(composeDigest(t, facts({ savedYesterday: 2 }), options)).toBeNull();
    expect(composeDigest(t, facts(), { ...options, always: true })?.text).toContain("digest-all-read");
  });

  it("puts yesterday, up next, revisit and the unread count in that order, only sections with content", () => {
    const digest = composeDigest(
      t,
      facts({
        savedYesterday: 2,
        readYesterday: 1,
        readDays: [999, 998],
        unread: 5,
        candidates: [1, 2, 3, 4, 5].map(link),
        revisits: [{ id: 9, link_id: 1, text: "调度 <script>", created_at: Date.UTC(2026, 10, 18, 10), url: "https://example.org/1", title: "T" }],
      }),
      options,
    )!;
    const order = ["digest-yesterday", "digest-streak", "digest-up-next", "digest-revisit", "digest-unread"].map((key) => digest.text.indexOf(key));
    expect(order.every((position, i) => position >= 0 && (i === 0 || position > order[i - 1]!))).toBe(true);
    expect(digest.upNext).toHaveLength(3);
    const parsed = parseTelegramHtml(digest.text);
    expect(parsed.ok && parsed.text).toContain("<b>Title 1</b>");
    expect(parsed.ok && parsed.text).toContain("调度 <script>");
  });

  it("leaves out empty sections and stays below 4096 characters with long titles and notes", () => {
    const long = (id: number) => ({ ...link(id), title: "长".repeat(3000) });
    const notes = [1, 2].map((id) => ({
      id,
      link_id: id,
      text: "笔记".repeat(5000),
      created_at: Date.UTC(2026, 10, 24, 10),
      url: "https://e.org",
      title: "x".repeat(500),
    }));
    const digest = composeDigest(t, facts({ unread: 10, candidates: [1, 2, 3, 4].map(long), revisits: notes }), { ...options, size: 10 })!;
    expect(digest.text).not.toContain("digest-yesterday");
    const parsed = parseTelegramHtml(digest.text);
    expect(parsed.ok && parsed.text.length).toBeLessThan(4096);
  });
});
