import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMiniAppPage } from "../../scripts/build-mini-app.js";

/** The budget for the page's JavaScript, gzipped as a server would send it. */
const MAX_GZIPPED_JS = 80 * 1024;

describe("the Mini App's page as `npm run build` makes it", () => {
  const out = mkdtempSync(join(tmpdir(), "linklog-miniapp-"));
  const read = (name: string) => readFileSync(join(out, name), "utf8");
  beforeAll(() => buildMiniAppPage(out));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("is one script of at most 80 KB gzipped", () => {
    const gzipped = gzipSync(readFileSync(join(out, "app.js")), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(MAX_GZIPPED_JS);
    // Bundled: nothing left for the browser to fetch by import.
    expect(read("app.js")).not.toMatch(/\bimport\s*[("'{*]/);
  });

  it("loads nothing from another site: index.html and app.css name only the page's own files", () => {
    const html = read("index.html");
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(references.filter((url) => !url.startsWith("#"))).toEqual(["data:,", "app.css", "app.js"]);
    expect(html).not.toMatch(/https?:|\/\//);
    expect(read("app.css")).not.toMatch(/url\(|@import|https?:/);
  });

  it("carries both locales' texts, for a refusal told before any session", () => {
    const script = read("app.js");
    expect(script).toContain("This page must be opened from the bot in Telegram.");
    expect(script).toContain("请在 Telegram 中从机器人打开此页面。");
  });
});
