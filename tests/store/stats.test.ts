import { describe, expect, it } from "vitest";
import { freshDatabaseEach } from "../support/test-db.js";
import { saveLinks } from "../../src/store/links.js";
import { setRead } from "../../src/store/reading.js";
import { addLinkTags } from "../../src/store/tags.js";
import { addNote } from "../../src/store/notes.js";
import { softDeleteLink } from "../../src/store/trash.js";
import { loadStatsReport } from "../../src/store/stats.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Thursday 3 December 2026, 10:00 in Shanghai (UTC+8); its week began on Monday 30 November.
const NOW = Date.parse("2026-12-03T02:00:00Z");
const SHANGHAI = { id: 1, time_zone: "Asia/Shanghai" };

describe("the /stats report read from the store", () => {
  const db = freshDatabaseEach(1, 2);

  async function save(userId: number, url: string, at: number): Promise<number> {
    return (await saveLinks(db(), userId, [{ url, urlKey: url, title: null, source: null }], at))[0]!.link.id;
  }

  it("counts saves, reads and notes per local week, the backlog at each week's end, and nothing of another user's", async () => {
    // Sunday 29 November, 23:30 in Shanghai is last week there, though it is already the 29th at 15:30 UTC.
    const lastWeek = await save(1, "https://www.example.org/a", Date.parse("2026-11-29T15:30:00Z"));
    // Monday 30 November, 00:30 in Shanghai: this week, though still Sunday in UTC.
    const thisWeek = await save(1, "https://example.org/b", Date.parse("2026-11-29T16:30:00Z"));
    await save(1, "https://github.com/c", NOW - HOUR);
    await setRead(db(), 1, lastWeek, true, NOW - 2 * HOUR);
    await addNote(db(), { userId: 1, linkId: thisWeek, text: "笔记", source: { chatId: 1, messageId: 9 }, now: NOW - HOUR });
    await save(2, "https://example.org/other", NOW - HOUR);

    const report = await loadStatsReport(db(), SHANGHAI, NOW);
    expect(report.weeks).toHaveLength(26);
    expect(report.weeks.at(-2)).toEqual({ start: "2026-11-23", saved: 1, read: 0, notes: 0, backlog: 1 });
    expect(report.weeks.at(-1)).toEqual({ start: "2026-11-30", saved: 2, read: 1, notes: 1, backlog: 2 });
    expect(report.weeks.slice(0, -2).every((week) => week.saved + week.read + week.notes + week.backlog === 0)).toBe(true);
    expect(report.backlog).toBe(2);
    expect(report.topSites).toEqual([
      { site: "example.org", count: 2 },
      { site: "github.com", count: 1 },
    ]);
  });

  it("ranks tags by links, and forgets a deleted link's save, read, tags and notes", async () => {
    const kept = await save(1, "https://example.org/kept", NOW - 2 * DAY);
    const deleted = await save(1, "https://deleted.example/x", NOW - DAY);
    await addLinkTags(db(), 1, [kept, deleted], ["rust"], NOW);
    await addLinkTags(db(), 1, [deleted], ["<b>&"], NOW);
    await addNote(db(), { userId: 1, linkId: deleted, text: "gone", source: { chatId: 1, messageId: 3 }, now: NOW - HOUR });
    await setRead(db(), 1, deleted, true, NOW - HOUR);
    await softDeleteLink(db(), 1, deleted, NOW);

    const report = await loadStatsReport(db(), SHANGHAI, NOW);
    expect(report.topTags).toEqual([{ name: "rust", count: 1 }]);
    expect(report.topSites).toEqual([{ site: "example.org", count: 1 }]);
    expect(report.weeks.reduce((sum, week) => sum + week.saved, 0)).toBe(1);
    expect(report.weeks.reduce((sum, week) => sum + week.read + week.notes, 0)).toBe(0);
    expect(report.streak).toEqual({ current: 0, longest: 0 });
  });

  it("keeps the weekly backlog at zero or more when an import says a link was read before it was saved", async () => {
    const imported = await save(1, "https://example.org/imported", NOW - 3 * DAY);
    await setRead(db(), 1, imported, true, NOW - 400 * DAY);
    await setRead(db(), 1, await save(1, "https://example.org/today", NOW - 2 * HOUR), true, NOW - HOUR);

    const report = await loadStatsReport(db(), SHANGHAI, NOW);
    expect(report.backlog).toBe(0);
    expect(report.weeks.at(-1)).toMatchObject({ saved: 2, read: 1, backlog: 0 });
    expect(report.weeks.at(-2)).toMatchObject({ saved: 0, read: 0, backlog: 0 });
    expect(report.catchUp).toEqual({ kind: "done" });
  });

  it("finds the longest streak years back, each read on its local day across a clock change", async () => {
    const berlin = { id: 2, time_zone: "Europe/Berlin" };
    // 28 to 31 March 2026, Berlin; 00:30 on the 30th (summer time) is 22:30 UTC on the 29th, and would be the 29th
    // at December's offset.
    const reads = ["2026-03-28T11:00:00Z", "2026-03-29T10:00:00Z", "2026-03-29T22:30:00Z", "2026-03-31T10:00:00Z"].map(Date.parse);
    for (const [i, at] of reads.entries()) await setRead(db(), 2, await save(2, `https://example.org/${i}`, at - HOUR), true, at);
    await setRead(db(), 2, await save(2, "https://example.org/today", NOW - 2 * HOUR), true, NOW - HOUR);

    expect((await loadStatsReport(db(), berlin, NOW)).streak).toEqual({ current: 1, longest: 4 });
  });
});
