import { describe, expect, it } from "vitest";
import { resolveDay } from "../../src/recall/day-args.js";
import { filterTag, MAX_FILTER_TAGS, parseReadArgs, parseUnreadArgs } from "../../src/recall/list-args.js";
import type { ListedLink } from "../../src/recall/listed-link.js";
import { renderLinkList } from "../../src/views/link-list.js";
import { pageOf } from "../../src/recall/pagination.js";
import { parseTelegramHtml } from "../../src/emulator/index.js";

/** Day headings as the unread list writes them, without a translation: the ISO date. */
const byDayIn = (timeZone: string) => ({ groupByDay: { timeZone, heading: (date: string) => `<b>📅 ${date}</b>` } });

const link = (id: number, extra: Partial<ListedLink> = {}): ListedLink => ({
  id,
  url: `https://example.org/${id}`,
  title: `Title ${id}`,
  saved_at: Date.UTC(2026, 10, 20, 12),
  read_at: null,
  tags: [],
  ...extra,
});

describe("pages", () => {
  it("splits items into full pages with a shorter last one", () => {
    expect(pageOf(17, 0, 8)).toMatchObject({ index: 0, count: 3, offset: 0, hasPrevious: false, hasNext: true });
    expect(pageOf(17, 2, 8)).toMatchObject({ index: 2, offset: 16, hasPrevious: true, hasNext: false });
    expect(pageOf(16, 1, 8)).toMatchObject({ index: 1, count: 2, hasNext: false });
  });

  it("keeps one empty page for an empty list and clamps stale or forged page numbers", () => {
    expect(pageOf(0, 0, 8)).toMatchObject({ index: 0, count: 1, offset: 0, hasPrevious: false, hasNext: false });
    expect(pageOf(17, 99, 8)).toMatchObject({ index: 2, offset: 16 });
    expect(pageOf(17, -3, 8)).toMatchObject({ index: 0 });
    expect(pageOf(17, Number.NaN, 8)).toMatchObject({ index: 0 });
  });
});

describe("link lists", () => {
  it("escapes titles, tags and URLs so user text never becomes markup", () => {
    const html = renderLinkList([link(1, { title: "<b>x</b><a href=evil>", tags: ["a&b"], url: 'https://e.org/?q="<i>' })], { firstNumber: 1 });
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok && parsed.text).toContain("<b>x</b><a href=evil>");
    expect(parsed.ok && parsed.text).toContain("#a&b");
    expect(parsed.ok && parsed.entities.find((e) => e.type === "text_link")).toMatchObject({ url: 'https://e.org/?q="<i>' });
  });

  it("numbers items from the page's first number and groups them under local dates", () => {
    const html = renderLinkList([link(1), link(2, { saved_at: Date.UTC(2026, 10, 19, 20) })], { firstNumber: 9, ...byDayIn("Asia/Shanghai") });
    const text = parseTelegramHtml(html);
    // 20:00 UTC on the 19th is already 04:00 on the 20th in Shanghai: one day, one heading.
    expect(text.ok && text.text).toMatch(/^📅 2026-11-20\n9\. Title 1[^📅]*10\. Title 2/u);
    const utc = parseTelegramHtml(renderLinkList([link(1), link(2, { saved_at: Date.UTC(2026, 10, 19, 20) })], { firstNumber: 9, ...byDayIn("UTC") }));
    expect(utc.ok && utc.text).toMatch(/📅 2026-11-20\n9\. Title 1[\s\S]*📅 2026-11-19\n10\. Title 2/);
  });

  it("keeps a page of ten worst-case items far below 4096 visible characters", () => {
    const huge = Array.from({ length: 10 }, (_, i) =>
      link(i, { title: "标题".repeat(2000), url: `https://example.org/${"x".repeat(5000)}`, tags: Array.from({ length: 50 }, (_, t) => `tag${t}`.repeat(5)) }),
    );
    const parsed = parseTelegramHtml(renderLinkList(huge, { firstNumber: 1, ...byDayIn("UTC") }));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.text.length).toBeLessThan(4096);
  });
});

describe("list arguments", () => {
  it("reads tags and the order for /unread", () => {
    expect(parseUnreadArgs("")).toEqual({ ok: true, value: { tags: [], oldestFirst: false } });
    expect(parseUnreadArgs("#Elixir  #机器学习 oldest")).toEqual({ ok: true, value: { tags: ["elixir", "机器学习"], oldestFirst: true } });
    expect(parseUnreadArgs("sideways!")).toEqual({ ok: false, unknown: "sideways!" });
  });

  it("takes a bare word as the tag it names, as people type it, and keeps the words that mean something else", () => {
    expect(parseUnreadArgs("rust")).toEqual({ ok: true, value: { tags: ["rust"], oldestFirst: false } });
    expect(parseUnreadArgs("Rust #beam 机器学习 OLDEST")).toEqual({ ok: true, value: { tags: ["rust", "beam", "机器学习"], oldestFirst: true } });
    expect(parseUnreadArgs("oldest")).toEqual({ ok: true, value: { tags: [], oldestFirst: true } });
    expect(parseUnreadArgs("new")).toEqual({ ok: true, value: { tags: [], oldestFirst: false } });
    // Written with "#", a word the command knows is a tag after all.
    expect(parseUnreadArgs("#oldest")).toEqual({ ok: true, value: { tags: ["oldest"], oldestFirst: false } });
    expect(parseUnreadArgs("c++ node.js web-dev")).toEqual({ ok: true, value: { tags: ["c++", "node.js", "web-dev"], oldestFirst: false } });
  });

  it("does not take a date, a number or a word with stray marks for a tag", () => {
    for (const word of ["2026-11-20", "2026-13", "08:30", "42", "(rust)", "rust,", "«rust»"]) {
      expect(parseUnreadArgs(word), word).toEqual({ ok: false, unknown: word });
    }
    expect(filterTag("#rust,")).toBe("rust");
    expect(filterTag("#2026")).toBe("2026");
  });

  it("lets /read keep its own order unless one is asked for", () => {
    expect(parseUnreadArgs("rust", { oldestFirst: true })).toEqual({ ok: true, value: { tags: ["rust"], oldestFirst: true } });
    expect(parseUnreadArgs("newest", { oldestFirst: true })).toEqual({ ok: true, value: { tags: [], oldestFirst: false } });
  });

  it("reads /read's period and tags: week, month, a day as people type it, #tags and bare tags", () => {
    const today = "2026-12-03";
    const read = (text: string) => parseReadArgs(text, today);
    expect(read("")).toEqual({ ok: true, value: { tags: [], period: { kind: "all" } } });
    expect(read("week #Rust")).toEqual({ ok: true, value: { tags: ["rust"], period: { kind: "week", from: "2026-11-27", to: today } } });
    expect(read("month")).toEqual({ ok: true, value: { tags: [], period: { kind: "month", from: "2026-11-04", to: today } } });
    expect(read("2026-11-20 elixir")).toEqual({ ok: true, value: { tags: ["elixir"], period: { kind: "day", date: "2026-11-20" } } });
    expect(read("yesterday")).toEqual({ ok: true, value: { tags: [], period: { kind: "day", date: "2026-12-02" } } });
    expect(read("3 days ago")).toEqual({ ok: true, value: { tags: [], period: { kind: "day", date: "2026-11-30" } } });
    expect(read("昨天 #机器学习")).toEqual({ ok: true, value: { tags: ["机器学习"], period: { kind: "day", date: "2026-12-02" } } });
    expect(read("rust")).toEqual({ ok: true, value: { tags: ["rust"], period: { kind: "all" } } });
    expect(read("2026-13")).toEqual({ ok: false, unknown: "2026-13" });
    expect(read("sideways!")).toEqual({ ok: false, unknown: "sideways!" });
  });

  it("caps an absurd number of filter tags", () => {
    const many = Array.from({ length: 500 }, (_, i) => `#t${i}`).join(" ");
    const parsed = parseUnreadArgs(many);
    expect(parsed.ok && parsed.value.tags).toHaveLength(MAX_FILTER_TAGS);
  });

  it("resolves /today's day in the user's zone", () => {
    const now = Date.UTC(2026, 10, 25, 20);
    expect(resolveDay("", now, "UTC")).toBe("2026-11-25");
    expect(resolveDay("", now, "Asia/Shanghai")).toBe("2026-11-26");
    expect(resolveDay("yesterday", now, "Asia/Shanghai")).toBe("2026-11-25");
    expect(resolveDay("2026-11-20", now, "UTC")).toBe("2026-11-20");
    for (const bad of ["2026-02-30", "tomorrow-ish", "20261120"]) expect(resolveDay(bad, now, "UTC")).toBeNull();
  });
});
