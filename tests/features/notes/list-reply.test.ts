import { describe, expect, it } from "vitest";
import { leadingNumber, listItems } from "../../../src/features/notes/list-reply.js";
import { parseTelegramHtml } from "../../../src/emulator/index.js";
import { renderLinkList } from "../../../src/views/link-list.js";

/** A list page as Telegram hands it back in `reply_to_message`: the text and entities of the HTML the bot sent. */
function shown(html: string) {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { text: parsed.text, entities: parsed.entities };
}

const link = (id: number, title: string | null = null, read = false) => ({
  id,
  url: `https://example.org/${id}`,
  title,
  saved_at: 0,
  read_at: read ? 1 : null,
  tags: ["x"],
});

describe("the items of a list page a reply names", () => {
  it("reads the numbers on screen, not 1…n, past ten, read marks and day headings included", () => {
    const page = [link(40), link(41, "9. /link_99 tricky title", true), link(42), ...Array.from({ length: 9 }, (_, i) => link(50 + i))];
    const html = `📚 Unread\n\n${renderLinkList(page, { firstNumber: 17, groupByDay: { timeZone: "UTC", heading: () => "📅 <b>Day</b>" } })}`;
    const known = page.map((l) => l.id);
    expect(listItems(shown(html), known)).toEqual(page.map((l, i) => ({ number: 17 + i, linkId: l.id })));
  });

  it("keeps only links the bot said the message is about", () => {
    const html = renderLinkList([link(1), link(2)], { firstNumber: 1 });
    expect(listItems(shown(html), [2])).toEqual([{ number: 2, linkId: 2 }]);
    expect(listItems(shown("1. no link here\n/link_1"), [1])).toEqual([]);
  });
});

describe("a leading number in a reply", () => {
  it("is read in the ways people write it, the rest kept exactly", () => {
    expect(leadingNumber("9 这个要先看")).toEqual({ number: 9, rest: "这个要先看" });
    expect(leadingNumber("#9 first\n  second")).toEqual({ number: 9, rest: "first\n  second" });
    expect(leadingNumber("12. later")).toEqual({ number: 12, rest: "later" });
    expect(leadingNumber("3、稍后")).toEqual({ number: 3, rest: "稍后" });
  });

  it("is no number when the digits are the note's own words", () => {
    expect(leadingNumber("9")).toBeUndefined();
    expect(leadingNumber("2026年的计划")).toBeUndefined();
    expect(leadingNumber("3x faster")).toBeUndefined();
  });
});
