import { describe, expect, it } from "vitest";
import { hostOf, planFetches } from "../../../src/jobs/page-titles/polite.js";

const link = (url: string, fetch_priority: number) => ({ url, fetch_priority });
const limits = { live: 20, background: 2 };

describe("which due links a page-title tick fetches", () => {
  it("takes every live save, and at most one background link per host", () => {
    const due = [link("https://c.org/live", 0), ...[1, 2, 3].map((i) => link(`https://github.com/${i}`, 1)), link("https://medium.com/a", 1)];
    const plan = planFetches(due, new Set(), limits);
    expect(plan.live.map((l) => l.url)).toEqual(["https://c.org/live"]);
    expect(plan.background).toEqual([
      { link: link("https://github.com/1", 1), host: "github.com" },
      { link: link("https://medium.com/a", 1), host: "medium.com" },
    ]);
  });

  it("skips hosts a background fetch is still talking to, and never exceeds the background's places", () => {
    const due = [link("https://github.com/1", 1), link("https://WWW.GitHub.com/2", 1), link("https://medium.com/a", 1), link("https://dev.to/b", 1)];
    expect(planFetches(due, new Set(["github.com"]), limits).background.map((b) => b.host)).toEqual(["medium.com"]);
    expect(planFetches(due, new Set(["github.com", "x.org"]), limits).background).toEqual([]);
    // Live saves do not wait for the background's places.
    expect(planFetches([link("https://github.com/live", 0), ...due], new Set(["github.com", "x.org"]), limits).live).toHaveLength(1);
  });

  it("caps the live saves one tick starts", () => {
    const due = Array.from({ length: 30 }, (_, i) => link(`https://e.org/${i}`, 0));
    expect(planFetches(due, new Set(), limits).live).toHaveLength(20);
  });

  it("names a site by its host name: letter case, port and a leading www. do not matter", () => {
    expect(hostOf("https://WWW.Medium.com/@x/post")).toBe("medium.com");
    expect(hostOf("http://127.0.0.1:8080/a")).toBe("127.0.0.1");
  });
});
