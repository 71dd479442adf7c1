import { describe, expect, it } from "vitest";
import { chooseUpNext } from "../../src/digest/up-next.js";
import { pickRevisits, revisitDates } from "../../src/digest/revisit.js";
import { dueAtOn, formatDigestTime, nextDueAt } from "../../src/digest/schedule.js";
import { createPacer } from "../../src/digest/pacer.js";

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const at = (isoText: string) => Date.parse(isoText);

describe("digest time", () => {
  it("writes minutes after midnight as HH:MM", () => {
    expect(formatDigestTime(510)).toBe("08:30");
  });
});

describe("next digest due", () => {
  it("is today's local time while it is ahead, tomorrow's once it has passed or was sent", () => {
    expect(iso(nextDueAt(at("2026-11-25T07:59:00Z"), 480, "UTC", null))).toBe("2026-11-25T08:00:00.000Z");
    expect(iso(nextDueAt(at("2026-11-25T08:00:00Z"), 480, "UTC", null))).toBe("2026-11-26T08:00:00.000Z");
    expect(iso(nextDueAt(at("2026-11-25T07:00:00Z"), 480, "UTC", "2026-11-25"))).toBe("2026-11-26T08:00:00.000Z");
  });

  it("keeps the local hour across Berlin's DST changes at the end of March and October", () => {
    expect(iso(nextDueAt(at("2026-03-28T08:00:00Z"), 480, "Europe/Berlin", null))).toBe("2026-03-29T06:00:00.000Z");
    expect(iso(nextDueAt(at("2026-03-27T08:00:00Z"), 480, "Europe/Berlin", null))).toBe("2026-03-28T07:00:00.000Z");
    expect(iso(nextDueAt(at("2026-10-24T07:00:00Z"), 480, "Europe/Berlin", null))).toBe("2026-10-25T07:00:00.000Z");
    // A digest set inside the skipped hour comes right after the jump.
    expect(iso(dueAtOn("2026-03-29", 150, "Europe/Berlin"))).toBe("2026-03-29T01:30:00.000Z");
  });

  it("works in New York, Shanghai and Kolkata's half-hour zone", () => {
    expect(iso(dueAtOn("2026-03-08", 480, "America/New_York"))).toBe("2026-03-08T12:00:00.000Z");
    expect(iso(dueAtOn("2026-03-07", 480, "America/New_York"))).toBe("2026-03-07T13:00:00.000Z");
    expect(iso(dueAtOn("2026-11-01", 480, "America/New_York"))).toBe("2026-11-01T13:00:00.000Z");
    expect(iso(nextDueAt(at("2026-11-25T00:30:00Z"), 480, "Asia/Shanghai", null))).toBe("2026-11-26T00:00:00.000Z");
    expect(iso(nextDueAt(at("2026-11-24T23:59:00Z"), 480, "Asia/Shanghai", null))).toBe("2026-11-25T00:00:00.000Z");
    expect(iso(nextDueAt(at("2026-11-25T02:00:00Z"), 480, "Asia/Kolkata", null))).toBe("2026-11-25T02:30:00.000Z");
  });
});

describe("notes to revisit", () => {
  it("resurfaces notes 1, 7, 30 and 90 days after they were written", () => {
    expect(revisitDates("2026-11-25")).toEqual(["2026-11-24", "2026-11-18", "2026-10-26", "2026-08-27"]);
  });

  it("prefers the longest-forgotten note and spreads picks over intervals", () => {
    const notes = [
      { noteId: 1, date: "2026-11-24" },
      { noteId: 2, date: "2026-11-24" },
      { noteId: 3, date: "2026-08-27" },
      { noteId: 4, date: "2026-11-18" },
      { noteId: 5, date: "2026-11-20" },
    ];
    expect(pickRevisits(notes, "2026-11-25", 2).map((n) => n.noteId)).toEqual([3, 4]);
    expect(pickRevisits(notes, "2026-11-25", 5).map((n) => n.noteId)).toEqual([3, 4, 1, 2]);
    expect(pickRevisits([], "2026-11-25", 2)).toEqual([]);
  });
});

describe("up next", () => {
  const links = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, saved_at: i }));

  it("takes the oldest unread links plus one random older pick, the same on a retry of the day", () => {
    const picked = chooseUpNext(links, 3, new Set(), "2026-11-25");
    expect(picked.slice(0, 2).map((l) => l.id)).toEqual([1, 2]);
    expect(picked[2]!.id).toBeGreaterThan(2);
    expect(chooseUpNext(links, 3, new Set(), "2026-11-25")).toEqual(picked);
  });

  it("never proposes yesterday's links again unless nothing else is unread", () => {
    const picked = chooseUpNext(links, 3, new Set([1, 2, 3]), "2026-11-26");
    expect(picked.map((l) => l.id).filter((id) => id <= 3)).toEqual([]);
    expect(chooseUpNext(links.slice(0, 2), 3, new Set([1, 2]), "2026-11-26").map((l) => l.id)).toEqual([1, 2]);
  });

  it("returns everything when there are fewer unread links than asked for", () => {
    expect(chooseUpNext(links.slice(0, 2), 3, new Set(), "x").map((l) => l.id)).toEqual([1, 2]);
    expect(chooseUpNext([], 3, new Set(), "x")).toEqual([]);
  });
});

describe("pacing", () => {
  it("spaces calls evenly at the given rate", async () => {
    let now = 0;
    const waits: number[] = [];
    const pace = createPacer(
      25,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    for (let i = 0; i < 5; i++) await pace();
    expect(waits).toEqual([40, 40, 40, 40]);
    expect(now).toBe(160);
  });
});
