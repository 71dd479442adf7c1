import { describe, expect, it } from "vitest";
import { htmlInfo } from "../../src/fetch/html-info.js";

const MiB = 1024 * 1024;

/** `unit` repeated to a megabyte, after a head that names the page. */
const deep = (unit: string) => `<title>Deep</title>${unit.repeat(Math.ceil(MiB / unit.length))}`;

/** Generous for a loaded two-core machine; the goal is under 100 ms, and the old parser took seconds to minutes. */
const BOUND_MS = 250;

/**
 * The CPU time the read takes, which other processes on a busy machine do not inflate as they do the time
 * on the clock (both are printed). The read is synchronous, so all of it is time the main thread is held.
 */
function timed<T>(name: string, read: () => T): { result: T; ms: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = read();
  const { user, system } = process.cpuUsage(cpu);
  const ms = (user + system) / 1000;
  console.log(`htmlInfo, 1 MiB of ${name}: ${ms.toFixed(1)} ms of CPU, ${(performance.now() - started).toFixed(1)} ms on the clock`);
  return { result, ms };
}

describe("a hostile page is read in bounded time", () => {
  it.each([
    ["<b>", "<b>"],
    ["<div>", "<div>"],
    ["<a>", '<a href="/x">'],
    ["mixed", "<div><b><a href=x><span><i><nav><article><svg>"],
  ])("a megabyte of nested unclosed %s tags", (name, unit) => {
    const { result, ms } = timed(`nested ${name}`, () => htmlInfo(deep(unit)));
    expect(result).toMatchObject({ title: "Deep", readingMinutes: 1 });
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each([
    ["Chinese text", `<html lang="zh"><p>${"中文".repeat(MiB / 2)}</p>`],
    ["lone angle brackets", "<".repeat(MiB)],
    ["entities", "&amp;".repeat(MiB / 5)],
    ["a title", `<title>${"a &amp; ".repeat(MiB / 8)}</title>`],
    ["an attribute", `<meta property="og:title" content="${"x ".repeat(MiB / 2)}">`],
  ])("a megabyte of %s", (name, html) => {
    const { ms } = timed(name, () => htmlInfo(html));
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("still counts the words of a long page: a megabyte of Chinese is read at 500 characters a minute", () => {
    expect(htmlInfo(`<p>${"中文".repeat(MiB / 2)}</p>`).readingMinutes).toBe(Math.round(MiB / 500));
  });
});

describe("where the metadata lies", () => {
  it("finds <meta> after a head of half a megabyte of inline script", () => {
    const html = `<html><head><script>${"var a = '<b>';".repeat(MiB / 2 / 14)}</script><meta property="og:title" content="Late"></head></html>`;
    expect(htmlInfo(html).title).toBe("Late");
  });

  it("finds a <title> and a <meta> in a page that never closes its head, or puts them in the body", () => {
    expect(htmlInfo("<html><head><title>No end of head</title><body><p>text").title).toBe("No end of head");
    expect(htmlInfo(`<body><p>text</p><meta name="description" content="From the body"></body>`).description).toBe("From the body");
  });

  it("reads markup inside a script or style as text, not as tags", () => {
    const html = `<script>document.write("<title>Fake</title><meta property='og:title' content='Fake'>")</script><style>/* <title>Fake</title> */</style><title>Real</title>`;
    expect(htmlInfo(html).title).toBe("Real");
  });

  it("takes the page's title after a self-closed drawing, never the drawing's", () => {
    expect(htmlInfo(`<svg/><svg><title>Icon</title></svg><title>Page</title>`).title).toBe("Page");
  });

  it("ignores a close tag that closes nothing", () => {
    const words = Array.from({ length: 460 }, () => "word").join(" ");
    expect(htmlInfo(`</nav></article><p>${words}</p>`).readingMinutes).toBe(2);
  });
});
