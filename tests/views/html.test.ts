import { describe, expect, it } from "vitest";
import { escapeHtml, truncate } from "../../src/views/html.js";
import { linkLine, linkLines, MAX_LISTED_LINKS } from "../../src/views/links.js";

describe("HTML views", () => {
  it("escapes every character Telegram's HTML mode treats as markup", () => {
    expect(escapeHtml(`<b>"Tom & Jerry"</b>`)).toBe("&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;");
  });

  it("escapes titles and URLs inside a link line", () => {
    const line = linkLine({ url: "https://example.org/?a=1&b=<2>", title: "<script>alert(1)</script> & more" });
    expect(line).toBe('• <a href="https://example.org/?a=1&amp;b=&lt;2&gt;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</a> <i>(example.org)</i>');
  });

  it("lists at most MAX_LISTED_LINKS links and counts the rest", () => {
    const links = Array.from({ length: MAX_LISTED_LINKS + 5 }, (_, i) => ({ url: `https://example.org/${i}`, title: null }));
    const lines = linkLines(links).split("\n");
    expect(lines).toHaveLength(MAX_LISTED_LINKS + 1);
    expect(lines.at(-1)).toBe("… +5");
  });

  it("truncates without splitting an emoji", () => {
    expect(truncate("ab😀cd", 4)).toBe("ab😀…");
    expect(truncate("short", 10)).toBe("short");
  });
});
