import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPageInfo } from "../../src/fetch/fetch-page.js";
import { localOptions, respond, serveLocally, type LocalServer } from "../support/local-server.js";

// Node's TextDecoder reads these encodings but has no encoder for them, so the bytes are written out.
const GBK_CHINESE = Buffer.from("d6d0cec4", "hex"); // 中文
const SHIFT_JIS_JAPANESE = Buffer.from("93fa967b8cea", "hex"); // 日本語

const bytes = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : part)));
const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i % 7}`).join(" ");

let server: LocalServer;

beforeAll(async () => {
  server = await serveLocally({
    "/og": respond(`<title>Plain title</title><meta name="twitter:title" content="Twitter title"><meta property="og:title" content="Open Graph title">`),
    "/twitter": respond(`<title>Plain title</title><meta name="twitter:title" content="Twitter title">`),
    "/plain": respond(`<title>Plain title</title><svg><title>An icon</title></svg>`),
    "/entities": respond(`<title>Tom &amp; Jerry &#x4E2D; &quot;quoted&quot;</title>`),
    "/messy": respond("<title>\n  Line\u0007one \u202egnp.exe  \t two\n</title>"),
    "/long": respond(`<title>${words(200)}</title>`),
    "/facts": respond(
      `<html lang="en-GB"><head><meta property="og:site_name" content="Study &amp; Notes">` +
        `<meta name="description" content="  A page\n  about things.  "></head></html>`,
    ),
    "/locale": respond(`<html><head><meta property="og:locale" content="zh_CN"></head></html>`),
    "/gbk-header": respond(bytes("<title>", GBK_CHINESE, "</title>"), { "content-type": "text/html; charset=GBK" }),
    "/gbk-meta": respond(bytes(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>`, GBK_CHINESE, "</title>"), {
      "content-type": "text/html",
    }),
    "/shift-jis": respond(bytes(`<meta charset="Shift_JIS"><title>`, SHIFT_JIS_JAPANESE, "</title>"), { "content-type": "text/html" }),
    "/unknown-charset": respond("<title>Café crème</title>", { "content-type": "text/html; charset=x-klingon" }),
    "/gzip": respond(gzipSync("<title>Squeezed</title>"), { "content-type": "text/html", "content-encoding": "gzip" }),
    "/brotli": respond(brotliCompressSync("<title>Squeezed too</title>"), { "content-type": "text/html", "content-encoding": "br" }),
    "/english": respond(
      `<title>Essay</title><nav>${words(1000)}</nav><script>var a = "${words(500)}";</script><style>/* ${words(500)} */</style>` +
        `<p>${words(460)}</p><footer>${words(300)}</footer>`,
    ),
    "/article": respond(`<div class="sidebar">${words(1000)}</div><article><p>${words(690)}</p></article>`),
    "/chinese": respond(`<html lang="zh"><p>${"中文".repeat(750)}</p></html>`),
  });
});

afterAll(() => server.close());

const fetchLocal = (path: string) => fetchPageInfo(`${server.origin}${path}`, localOptions());

describe("the title of a page", () => {
  it("is og:title first, then twitter:title, then <title> (never an SVG's)", async () => {
    expect(await fetchLocal("/og")).toMatchObject({ kind: "html", title: "Open Graph title" });
    expect(await fetchLocal("/twitter")).toMatchObject({ title: "Twitter title" });
    expect(await fetchLocal("/plain")).toMatchObject({ title: "Plain title" });
  });

  it("has its entities decoded", async () => {
    expect(await fetchLocal("/entities")).toMatchObject({ title: `Tom & Jerry 中 "quoted"` });
  });

  it("loses control characters and direction overrides, and its whitespace is collapsed", async () => {
    expect(await fetchLocal("/messy")).toMatchObject({ title: "Line one gnp.exe two" });
  });

  it("is cut to 300 characters", async () => {
    const page = await fetchLocal("/long");
    expect(page.kind === "html" && page.title).toHaveLength(300);
    expect(page).toMatchObject({ title: expect.stringMatching(/^word0 word1 .*…$/u) });
  });
});

describe("what else a reader sees", () => {
  it("names the site, the language and a trimmed description", async () => {
    expect(await fetchLocal("/facts")).toEqual({
      kind: "html",
      finalUrl: `${server.origin}/facts`,
      contentType: "text/html",
      title: undefined,
      siteName: "Study & Notes",
      description: "A page about things.",
      language: "en-GB",
      readingMinutes: 1,
    });
  });

  it("takes the language from og:locale when <html> has none", async () => {
    expect(await fetchLocal("/locale")).toMatchObject({ language: "zh-CN" });
  });
});

describe("encodings", () => {
  it("decodes a GBK page named in the header or only in a <meta>", async () => {
    expect(await fetchLocal("/gbk-header")).toMatchObject({ title: "中文" });
    expect(await fetchLocal("/gbk-meta")).toMatchObject({ title: "中文" });
  });

  it("decodes a Shift_JIS page", async () => {
    expect(await fetchLocal("/shift-jis")).toMatchObject({ title: "日本語" });
  });

  it("reads an unknown charset as UTF-8", async () => {
    expect(await fetchLocal("/unknown-charset")).toMatchObject({ title: "Café crème" });
  });

  it("decompresses gzip and brotli bodies", async () => {
    expect(await fetchLocal("/gzip")).toMatchObject({ title: "Squeezed" });
    expect(await fetchLocal("/brotli")).toMatchObject({ title: "Squeezed too" });
  });
});

describe("reading time", () => {
  it("counts an English page's words at 230 a minute, leaving out navigation, footer, scripts and styles", async () => {
    expect(await fetchLocal("/english")).toMatchObject({ readingMinutes: 2 });
  });

  it("counts only the article when the page marks one", async () => {
    expect(await fetchLocal("/article")).toMatchObject({ readingMinutes: 3 });
  });

  it("counts a Chinese page by characters, 500 a minute", async () => {
    expect(await fetchLocal("/chinese")).toMatchObject({ readingMinutes: 3, language: "zh" });
  });
});
