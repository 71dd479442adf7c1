import { describe, expect, it } from "vitest";
import { RecentIds } from "../../src/server/recent-ids.js";

describe("recent update ids", () => {
  it("recognises a repeat among the last ids, forgets the oldest past its capacity, and takes back a deleted id", () => {
    const recent = new RecentIds(3);
    expect([1, 2, 3].map((id) => recent.add(id))).toEqual([true, true, true]);
    expect(recent.add(2)).toBe(false);
    expect(recent.add(4)).toBe(true);
    // 1 was the oldest: forgotten, so it counts as new again (and pushes out 2).
    expect(recent.add(1)).toBe(true);
    expect([3, 4, 1].map((id) => recent.add(id))).toEqual([false, false, false]);
    recent.delete(4);
    expect(recent.add(4)).toBe(true);
  });
});
