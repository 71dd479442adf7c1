import { describe, expect, it } from "vitest";
import { htmlInfo } from "../../src/fetch/html-info.js";

const MiB = 1024 * 1024;

/** `unit` repeated to a megabyte, after a head that names the page. */
const deep = (unit: string) => `<title>Deep</title>${unit.repeat(Math.ceil(MiB / unit.length))}`;

/** Generous for a loaded two-core machine; the goal is under 100 ms, and the old parser took seconds to minutes. */
const BOUND_MS = 250;

function timed<T>(read: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = read();
  return { result, ms: performance.now() - started };
}

describe("a hostile page is read in bounded time", () => {
  it.each([
    ["<b>", "<b>"],
    ["<div>", "<div>"],
    ["<a>", '<a href="/x">'],
    ["mixed", "<div><b><a href=x><span><i><nav><article><svg>"],
  ])("a megabyte of nested unclosed %s tags", (_name, unit) => {
    const { result, ms } = timed(() => htmlInfo(deep(unit)));
    console.log(`htmlInfo, 1 MiB of nested ${_name}: ${ms.toFixed(1)} ms`);
    expect(result).toMatchObject({ title: "Deep", readingMinutes: 1 });
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each([
    ["Chinese text", `<html lang="zh"><p>${"中文".repeat(MiB / 2)}</p>`],
    ["lone angle brackets", "<".repeat(MiB)],
    ["entities", "&amp;".repeat(MiB / 5)],
    ["a title", `<title>${"a &amp; ".repeat(MiB / 8)}</title>`],
    ["an attribute", `<meta property="og:title" content="${"x ".repeat(MiB / 2)}">`],
  ])("a megabyte of %s", (_name, html) => {
    const { ms } = timed(() => htmlInfo(html));
    console.log(`htmlInfo, 1 MiB of ${_name}: ${ms.toFixed(1)} ms`);
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
