import { describe, expect, it } from "vitest";
import { markDigestItem, textLength } from "../../src/digest/mark.js";
import { parseTelegramHtml } from "../../src/emulator/index.js";

const DIGEST = [
  "<b>☀️ Your linklog · Wed, Dec 2</b>",
  "",
  "<b>Up next</b>",
  '1. <a href="https://a.org/">First</a> <i>(a.org)</i>',
  '2. <a href="https://b.org/">Second</a> <i>(b.org)</i>',
  "",
  "<b>Revisit your notes</b>",
  '<a href="https://c.org/">Noted</a> <i>Nov 25</i>',
  "1. a numbered line in a note",
  "",
  "📚 2 unread links · /unread",
].join("\n");

describe("a digest after ✅ or 💤 on one of its items", () => {
  it("strikes that item, notes it, and says the unread count anew on the last line", () => {
    const marked = markDigestItem(DIGEST, 2, "✅ read", "📚 1 unread link · /unread")!;
    expect(marked.split("\n")).toEqual([
      ...DIGEST.split("\n").slice(0, 4),
      '2. <s><a href="https://b.org/">Second</a> <i>(b.org)</i></s> — ✅ read',
      ...DIGEST.split("\n").slice(5, -1),
      "📚 1 unread link · /unread",
    ]);
    expect(parseTelegramHtml(marked).ok).toBe(true);
  });

  it("marks the item of Up next, not a numbered line of a note further down, and an item once only", () => {
    const once = markDigestItem(DIGEST, 1, "💤 snoozed until Dec 9", "📚 2 unread links · /unread")!;
    expect(once).toContain("1. a numbered line in a note");
    expect(once).toContain("1. <s>");
    const twice = markDigestItem(once, 1, "✅ read", "📚 1 unread link · /unread")!;
    expect(twice).toContain("— 💤 snoozed until Dec 9");
    expect(twice).not.toContain("✅ read");
    expect(twice.split("\n").at(-1)).toBe("📚 1 unread link · /unread");
  });

  it("stays within Telegram's 4096 characters: without the note when it would not fit, null when not even the count fits", () => {
    const long = `${DIGEST.split("\n").slice(0, -1).join("\n")}\n${"x".repeat(4096 - textLength(DIGEST))}\n📚 2 unread links · /unread`;
    expect(textLength(long)).toBe(4096 + 1);
    expect(markDigestItem(long, 1, "✅ read", "📚 2 unread links · /unread")).toBeNull();
    const fits = long.replace("xx", "");
    expect(markDigestItem(fits, 1, "✅ read", "📚 2 unread links · /unread")).toBe(fits);
    expect(textLength("<b>a &amp; b</b> &lt;3")).toBe(8);
  });
});
