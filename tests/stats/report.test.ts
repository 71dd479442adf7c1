import { describe, expect, it } from "vitest";
import type { StatsReportJson } from "../../src/miniapp/api-types.js";
import { isEmpty, toJson } from "../../src/stats/report.js";
import { topSites } from "../../src/stats/sites.js";
import { sampleReport } from "./report-fixture.js";

describe("the stats report", () => {
  it("is the Mini App's StatsReportJson once `today` is left out", () => {
    const json: StatsReportJson = toJson(sampleReport());
    expect(Object.keys(json).sort()).toEqual(["backlog", "catchUp", "readPerWeek", "savedPerWeek", "streak", "topSites", "topTags", "weeks"]);
    expect(json.weeks).toHaveLength(26);
    expect(json.weeks.at(-1)).toEqual({ start: "2026-11-30", saved: 8, read: 12, notes: 2, backlog: 40 });
  });

  it("is empty for a user without links, not for one who read them all", () => {
    expect(isEmpty(sampleReport({ saved: [], read: [], notes: [], readDays: [], backlog: 0, tags: [], sites: [] }))).toBe(true);
    expect(isEmpty(sampleReport({ backlog: 0 }))).toBe(false);
  });

  it("counts a site once whatever the host's case, port, credentials or www.", () => {
    const hosts = [
      { host: "Example.org", count: 2 },
      { host: "www.example.org:8080", count: 1 },
      { host: "me@example.org", count: 1 },
      { host: "github.com", count: 4 },
      { host: "zhihu.com", count: 1 },
    ];
    expect(topSites(hosts, 2)).toEqual([
      { site: "example.org", count: 4 },
      { site: "github.com", count: 4 },
    ]);
  });
});
