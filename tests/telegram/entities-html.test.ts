import { describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../../src/emulator/index.js";
import { entitiesToHtml } from "../../src/telegram/entities-html.js";

/** What Telegram would hand back for HTML the bot sent: the text and its entities. */
function asTelegramReturnsIt(html: string) {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed;
}

describe("a message's entities as HTML again", () => {
  it("gives back the HTML a message was sent as, nested tags, links with quotes and ampersands included", () => {
    const html = [
      "<b>☀️ Your linklog · Wed, Dec 2</b>",
      '1. <a href="https://example.org/?a=1&amp;b=&quot;2&quot;">Tom &amp; Jerry &lt;3</a> <i>(example.org)</i>',
      "2. <s><b>bold <i>and italic</i></b> struck</s> — ✅ read",
      "<code>/digest 9pm</code> · <u>under</u> <tg-spoiler>hidden</tg-spoiler>",
      "<pre>const a = 1 &lt; 2;</pre>",
      "<blockquote>quoted</blockquote>",
    ].join("\n");
    const { text, entities } = asTelegramReturnsIt(html);
    expect(entitiesToHtml(text, entities)).toBe(html);
  });

  it("writes a pre with a language as Telegram reads it, a code entity over the same text being part of it", () => {
    const pre = { type: "pre" as const, offset: 0, length: 7, language: "ts" };
    expect(entitiesToHtml("const a", [pre])).toBe('<pre><code class="language-ts">const a</code></pre>');
    expect(entitiesToHtml("const a", [{ type: "code", offset: 0, length: 7 }, pre])).toBe('<pre><code class="language-ts">const a</code></pre>');
  });

  it("counts offsets in UTF-16 units, so emoji and Chinese before an entity keep it in place", () => {
    const html = "🧵😀 进程 <b>线程 🔥</b> 尾 <i>end</i>";
    const { text, entities } = asTelegramReturnsIt(html);
    expect(entitiesToHtml(text, entities)).toBe(html);
  });

  it("leaves what Telegram finds by itself (addresses, /commands, #tags) as plain text, and escapes all text", () => {
    const text = "See https://example.org and /unread #tag <b>";
    const entities = [
      { type: "url" as const, offset: 4, length: 19 },
      { type: "bot_command" as const, offset: 28, length: 7 },
      { type: "hashtag" as const, offset: 36, length: 4 },
    ];
    expect(entitiesToHtml(text, entities)).toBe("See https://example.org and /unread #tag &lt;b&gt;");
    expect(entitiesToHtml("a & b")).toBe("a &amp; b");
  });

  it("cuts an entity that reaches past the one it starts inside, since tags cannot overlap", () => {
    const entities = [
      { type: "bold" as const, offset: 0, length: 4 },
      { type: "italic" as const, offset: 2, length: 4 },
    ];
    expect(entitiesToHtml("abcdef", entities)).toBe("<b>ab<i>cd</i></b>ef");
    expect(parseTelegramHtml(entitiesToHtml("abcdef", entities)).ok).toBe(true);
  });
});
