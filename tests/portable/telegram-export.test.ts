import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { sniffTextFormat } from "../../src/portable/formats.js";
import { mergeDuplicates } from "../../src/portable/merge.js";
import type { PortableLink } from "../../src/portable/model.js";
import { NETSCAPE_FORMAT } from "../../src/portable/netscape-html.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { isTelegramHtml, parseTelegramHtml, telegramDate } from "../../src/portable/telegram-html.js";
import { isTelegramJson } from "../../src/portable/telegram-json.js";
import { TELEGRAM_FORMAT } from "../../src/portable/telegram-links.js";

const context = { timeZone: "Asia/Shanghai", now: Date.UTC(2026, 11, 5) };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const at = (iso: string) => Date.parse(iso);

/** An unread link as the export gives it; the note, when there is one, is dated with the message. */
function link(url: string, saved: string, note: string | null, extra: Partial<PortableLink> = {}): PortableLink {
  const savedAt = at(saved);
  return { url, title: null, tags: [], notes: note === null ? [] : [{ text: note, createdAt: savedAt }], savedAt, read: false, readAt: null, ...extra };
}

const RUST_NOTE = "This week in Rust\nRead the async book and https://blog.rust-lang.org/2025/03/03/release.html via @rustweekly #rust";
const CHINESE_NOTE = "两篇关于分布式系统的好文章：https://example.cn/raft 和 example.cn/paxos，周末读。";

describe("Telegram Desktop's result.json", () => {
  it("reads every link of every message, dated by the message, its words as the note, a forward's source kept", () => {
    const parsed = parseImportFile("result.json", fixture("telegram-result.json"), context);
    expect(parsed.format).toBe(TELEGRAM_FORMAT);
    expect(parsed.problems).toEqual([]);
    expect(parsed.links).toEqual([
      // A bare link: no note. The service message before it is not read.
      link("https://example.org/bare", "2025-03-01T12:30:00Z", null),
      // `text` as a plain string: the address found in the words, the sentence's comma not part of it.
      link("https://example.org/plain-string", "2025-03-02T08:15:00Z", "A plain note about https://example.org/plain-string, read later"),
      // Forwarded, with a text_link and a link: both links, one note each, the channel kept as the source.
      link("https://rust-lang.github.io/async-book/", "2025-03-03T20:00:00Z", RUST_NOTE, { source: "Rust Weekly" }),
      link("https://blog.rust-lang.org/2025/03/03/release.html", "2025-03-03T20:00:00Z", RUST_NOTE, { source: "Rust Weekly" }),
      // Two links in Chinese words; Telegram recognised the second without a scheme.
      link("https://example.cn/raft", "2025-03-04T10:00:00Z", CHINESE_NOTE),
      link("example.cn/paxos", "2025-03-04T10:00:00Z", CHINESE_NOTE),
      // Nothing but words over an address: they are its title, not a note.
      link("https://dataintensive.net/", "2025-03-05T10:00:00Z", null, { title: "Designing Data-Intensive Applications" }),
      // The e-mail address and the tg:// link of message 7 are no links; the "unsupported" message 8 is skipped.
    ]);
  });

  it("keeps the scheme-less link as a web link when merged, and nothing counts as not a web link", () => {
    const merged = mergeDuplicates(parseImportFile("result.json", fixture("telegram-result.json"), context).links);
    expect(merged.invalid).toEqual([]);
    expect(merged.links.map((one) => one.url)).toContain("https://example.cn/paxos");
    expect(merged.links.find((one) => one.url.includes("async-book"))?.source).toBe("Rust Weekly");
  });

  it("reads every chat of the full export, left chats too", () => {
    const parsed = parseImportFile("result.json", fixture("telegram-full-export.json"), context);
    expect(parsed.format).toBe(TELEGRAM_FORMAT);
    expect(parsed.links).toEqual([
      link("https://example.org/saved", "2024-11-20T18:00:00Z", null),
      link("https://example.org/channel-post", "2024-11-21T09:00:00Z", "Worth reading: https://example.org/channel-post", { source: "Hacker News" }),
      link("https://example.org/left", "2023-01-02T03:04:05Z", null),
    ]);
  });

  it("takes the date without date_unixtime from `date`, the exporting computer's clock, as the user's", () => {
    const old = JSON.stringify({
      name: "Old",
      type: "personal_chat",
      id: 1,
      messages: [{ id: 1, type: "message", date: "2019-05-06T07:08:09", text: "https://example.org/old" }],
    });
    expect(parseImportFile("result.json", strToU8(old), context).links[0]?.savedAt).toBe(at("2019-05-05T23:08:09Z"));
  });

  it("stops at the link cap and says so", () => {
    const parsed = parseImportFile("result.json", fixture("telegram-result.json"), { ...context, maxLinks: 3 });
    expect(parsed.links.map((one) => one.url)).toEqual([
      "https://example.org/bare",
      "https://example.org/plain-string",
      "https://rust-lang.github.io/async-book/",
    ]);
    expect(parsed.cutAt).toBe(3);
  });
});

const PAGE_ONE = [
  link("https://example.org/html-one", "2026-12-02T18:15:07Z", "Read https://example.org/html-one and then the second one & more\nby @someone #study"),
  link("https://example.org/html-two", "2026-12-02T18:15:07Z", "Read https://example.org/html-one and then the second one & more\nby @someone #study"),
  link("https://example.org/html-bare", "2026-12-02T18:20:00Z", null),
  link("https://www.ruanyifeng.com/blog/2026/12/weekly.html", "2026-12-03T05:00:00Z", "科技爱好者周刊：https://www.ruanyifeng.com/blog/2026/12/weekly.html", {
    source: "阮一峰的网络日志",
  }),
  // A forward joined to the one before it does not repeat the name: it is the same source.
  link("https://example.org/html-joined-forward", "2026-12-03T05:01:00Z", null, { source: "阮一峰的网络日志" }),
];
const PAGE_TWO = [link("https://example.org/html-caption", "2026-12-04T12:00:00Z", "A photo with a caption: https://example.org/html-caption")];

describe("Telegram Desktop's HTML export", () => {
  it("reads each message's links from its text, dated by its title, and no navigation, mention or service link", () => {
    const parsed = parseImportFile("messages.html", fixture("telegram-messages.html"), context);
    expect(parsed.format).toBe(TELEGRAM_FORMAT);
    expect(parsed.problems).toEqual([]);
    expect(parsed.links).toEqual(PAGE_ONE);
    const urls = parsed.links.map((one) => one.url).join(" ");
    expect(urls).not.toContain("messages2.html");
    expect(urls).not.toContain("t.me/someone");
    expect(urls).not.toContain("service.example.org");
  });

  it("reads the next page, where the photo's relative link and the Previous messages link are not links", () => {
    const parsed = parseImportFile("messages2.html", fixture("telegram-messages2.html"), context);
    expect(parsed.links).toEqual(PAGE_TWO);
  });

  it("reads a zip of the pages as one export, photos left aside", () => {
    const zip = zipSync({
      "ChatExport_2026-12-05/messages.html": fixture("telegram-messages.html"),
      "ChatExport_2026-12-05/messages2.html": fixture("telegram-messages2.html"),
      "ChatExport_2026-12-05/photos/photo_1@04-12-2026_12-00-00.jpg": new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      "ChatExport_2026-12-05/css/style.css": strToU8("body { margin: 0 }"),
    });
    const parsed = parseImportFile("ChatExport.zip", zip, context);
    expect(parsed.format).toBe(`${TELEGRAM_FORMAT} (zip)`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.links).toEqual([...PAGE_ONE, ...PAGE_TWO]);
  });

  it("reads a zipped result.json too", () => {
    const parsed = parseImportFile("export.zip", zipSync({ "ChatExport/result.json": fixture("telegram-full-export.json") }), context);
    expect(parsed.links.map((one) => one.url)).toEqual(["https://example.org/saved", "https://example.org/channel-post", "https://example.org/left"]);
  });

  it("reads the dates as export_output_html.cpp writes them, with the computer's offset or without", () => {
    expect(telegramDate("02.12.2026 21:15:07 UTC+03:00", context)).toBe(at("2026-12-02T18:15:07Z"));
    expect(telegramDate("02.12.2026 21:15:07 UTC-05:30", context)).toBe(at("2026-12-03T02:45:07Z"));
    expect(telegramDate("02.12.2026 21:15:07 UTC", context)).toBe(at("2026-12-02T21:15:07Z"));
    expect(telegramDate("02.12.2026 21:15:07", context)).toBe(at("2026-12-02T13:15:07Z"));
    expect(telegramDate("32.13.2026 25:00:00", context)).toBeNull();
  });

  it("reads a page of ten thousand messages, each with its link", () => {
    const message = (i: number) =>
      `<div class="message default clearfix" id="message${i}"><div class="body"><div class="pull_right date details" title="02.12.2026 21:15:07 UTC+03:00">21:15</div><div class="text">Note ${i} <a href="https://example.org/${i}">https://example.org/${i}</a></div></div></div>\n`;
    const html = `<!DOCTYPE html><html><body><div class="page_wrap"><div class="history">${Array.from({ length: 10_000 }, (_, i) => message(i)).join("")}</div></div></body></html>`;
    const links = parseTelegramHtml(html, context).links;
    expect(links).toHaveLength(10_000);
    expect(links[9_999]).toEqual(link("https://example.org/9999", "2026-12-02T18:15:07Z", "Note 9999 https://example.org/9999"));
  });
});

describe("hostile Telegram pages cost time in proportion to their size", () => {
  const timed = (read: () => unknown) => {
    const started = performance.now();
    read();
    return performance.now() - started;
  };
  const HEAD = '<div class="page_wrap"><div class="message default clearfix"><div class="text">';

  it("a page of 100,000 nested divs inside a message's text, or 200,000 dots after an address", () => {
    // Quadratic work on either would take minutes; linear takes milliseconds.
    const nested = `${HEAD}${"<div>x ".repeat(100_000)}`;
    expect(timed(() => parseTelegramHtml(nested, context))).toBeLessThan(2000);
    const dots = `${HEAD}see https://example.org/${".".repeat(200_000)}x and https://example.org/${")".repeat(200_000)}</div></div></div>`;
    expect(timed(() => parseTelegramHtml(dots, context))).toBeLessThan(2000);
    const json = JSON.stringify({ name: "x", type: "personal_chat", id: 1, messages: [{ type: "message", text: `https://a.b/${".".repeat(200_000)}x` }] });
    expect(timed(() => parseImportFile("result.json", strToU8(json), context))).toBeLessThan(2000);
  });
});

describe("telling a Telegram export by its content", () => {
  it("reads a Telegram JSON under any name as Telegram's, not as unknown JSON", () => {
    for (const name of ["result.json", "result", "download"]) {
      for (const file of ["telegram-result.json", "telegram-full-export.json"]) {
        const parsed = parseImportFile(name, fixture(file), context);
        expect(parsed.format, `${file} as ${name}`).toBe(TELEGRAM_FORMAT);
        expect(parsed.links.length).toBeGreaterThan(0);
      }
    }
    expect(isTelegramJson(fixture("linklog.json").toString("utf8"))).toBe(false);
    expect(isTelegramJson('{"about": "my own notes", "links": []}')).toBe(false);
  });

  it("reads a Telegram HTML page as Telegram's, not as a Netscape bookmark file, and a bookmark file not as Telegram's", () => {
    const page = fixture("telegram-messages.html").toString("utf8");
    expect(isTelegramHtml(page)).toBe(true);
    expect(sniffTextFormat(page).extensions).toContain("html");
    expect(parseImportFile("download", fixture("telegram-messages.html"), context).format).toBe(TELEGRAM_FORMAT);
    for (const bookmarks of ["bookmarks-chrome.html", "bookmarks-firefox.html", "bookmarks-pinboard.html", "pocket.html"]) {
      expect(isTelegramHtml(fixture(bookmarks).toString("utf8")), bookmarks).toBe(false);
    }
    expect(parseImportFile("bookmarks.html", fixture("bookmarks-chrome.html"), context).format).toBe(NETSCAPE_FORMAT);
  });
});
