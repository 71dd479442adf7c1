import { describe, expect, it } from "vitest";
import { parseNotesArgs, type NotesArgs } from "../../src/notes/args.js";
import { MAX_FILTER_TAGS } from "../../src/recall/list-args.js";

// 2026-11-25 02:30 in Shanghai (UTC+8) is still 2026-11-24 in UTC and in New York.
const NOW = Date.UTC(2026, 10, 24, 18, 30);

function parsed(text: string, timeZone = "UTC"): NotesArgs {
  const result = parseNotesArgs(text, NOW, timeZone);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${JSON.stringify(result)}`);
  return result.value;
}

describe("/notes arguments", () => {
  it("covers the last 7 local days by default, today included, in the user's time zone", () => {
    expect(parsed("", "Asia/Shanghai")).toEqual({
      tags: [],
      asFile: false,
      period: {
        name: "2026-11-19 – 2026-11-25",
        days: { first: "2026-11-19", last: "2026-11-25" },
        range: { start: Date.UTC(2026, 10, 18, 16), end: Date.UTC(2026, 10, 25, 16) },
      },
    });
    expect(parsed("week", "America/New_York").period).toEqual({
      name: "2026-11-18 – 2026-11-24",
      days: { first: "2026-11-18", last: "2026-11-24" },
      range: { start: Date.UTC(2026, 10, 18, 5), end: Date.UTC(2026, 10, 25, 5) },
    });
  });

  it("keeps the period's bounds on local midnights across a daylight-saving change", () => {
    // Berlin leaves summer time on 2026-10-25: the week before 2026-10-28 starts at UTC+2 and ends at UTC+1.
    const result = parseNotesArgs("", Date.UTC(2026, 9, 28, 12), "Europe/Berlin");
    expect(result.ok && result.value.period.range).toEqual({ start: Date.UTC(2026, 9, 21, 22), end: Date.UTC(2026, 9, 28, 23) });
  });

  it("reads month as the last 30 days and all as no bounds at all", () => {
    expect(parsed("month").period.name).toBe("2026-10-26 – 2026-11-24");
    expect(parsed("MONTH").period.range).toEqual({ start: Date.UTC(2026, 9, 26), end: Date.UTC(2026, 10, 25) });
    expect(parsed("all").period).toEqual({ range: null, name: null });
  });

  it("reads YYYY-MM as that calendar month in the user's zone, December running into January", () => {
    expect(parsed("2026-02", "Asia/Shanghai").period).toEqual({
      name: "2026-02",
      month: "2026-02",
      range: { start: Date.UTC(2026, 0, 31, 16), end: Date.UTC(2026, 1, 28, 16) },
    });
    expect(parsed("2025-12").period.range).toEqual({ start: Date.UTC(2025, 11, 1), end: Date.UTC(2026, 0, 1) });
  });

  it("collects #tags normalised as stored, with file, in any order", () => {
    expect(parsed("#Rust file #机器学习 all #rust")).toMatchObject({ tags: ["rust", "机器学习"], asFile: true, period: { range: null } });
  });

  it("takes bare words as tags, and week, month, all, file and months as what they mean", () => {
    expect(parsed("rust 机器学习")).toMatchObject({ tags: ["rust", "机器学习"], asFile: false, period: { name: "2026-11-18 – 2026-11-24" } });
    expect(parsed("Rust month FILE")).toMatchObject({ tags: ["rust"], asFile: true, period: { name: "2026-10-26 – 2026-11-24" } });
    expect(parsed("week file")).toMatchObject({ tags: [], asFile: true });
    expect(parsed("#week #file")).toMatchObject({ tags: ["week", "file"], asFile: false });
    expect(parsed("2026-11 weekly")).toMatchObject({ tags: ["weekly"], period: { name: "2026-11" } });
  });

  it("names the word it cannot use", () => {
    expect(parseNotesArgs("#rust weekly!", NOW, "UTC")).toEqual({ ok: false, problem: "unknown", word: "weekly!" });
    expect(parseNotesArgs("2026-13", NOW, "UTC")).toEqual({ ok: false, problem: "unknown", word: "2026-13" });
    expect(parseNotesArgs("all 2026", NOW, "UTC")).toEqual({ ok: false, problem: "unknown", word: "2026" });
    expect(parseNotesArgs("0099-01", NOW, "UTC")).toEqual({ ok: false, problem: "unknown", word: "0099-01" });
    expect(parseNotesArgs("#", NOW, "UTC")).toEqual({ ok: false, problem: "unknown", word: "#" });
    expect(parseNotesArgs("week 2026-11", NOW, "UTC")).toEqual({ ok: false, problem: "two-periods", word: "2026-11" });
  });

  it("refuses more tags than a filter takes", () => {
    const tags = Array.from({ length: MAX_FILTER_TAGS + 1 }, (_, i) => `#t${i}`);
    expect(parseNotesArgs(tags.join(" "), NOW, "UTC")).toEqual({ ok: false, problem: "too-many-tags", word: `#t${MAX_FILTER_TAGS}` });
    expect(parsed(tags.slice(0, MAX_FILTER_TAGS).join(" ")).tags).toHaveLength(MAX_FILTER_TAGS);
  });
});
