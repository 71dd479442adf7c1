import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/telegram/i18n.js";
import type { NotesFilter } from "../../src/notes/args.js";
import { groupByLink, type NoteEntry } from "../../src/notes/entries.js";
import type { Translate } from "../../src/views/translate.js";
import { NOTES_PER_PAGE, notePreview, renderNoNotes, renderNotesPage } from "../../src/notes/page.js";
import { htmlTextLength, parseTelegramHtml } from "../../src/emulator/index.js";

const i18n = createI18n();
const t: Translate = (key, variables) => i18n.t("en", key, variables);

const week: NotesFilter = {
  tags: [],
  period: { name: "2026-11-19 – 2026-11-25", range: { start: 0, end: 1 }, days: { first: "2026-11-19", last: "2026-11-25" } },
};
const TODAY = "2026-11-25";
const at = (day: number, hour = 12) => Date.UTC(2026, 10, day, hour);

function note(id: number, linkId: number, text: string, createdAt = at(20), link: Partial<NoteEntry> = {}): NoteEntry {
  return { id, link_id: linkId, text, created_at: createdAt, url: `https://example.org/${linkId}`, title: `Link ${linkId}`, tags: [], ...link };
}

/** What the user reads: the page's visible text, after Telegram parsed the HTML. */
function visible(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`Telegram would refuse this page: ${parsed.reason}`);
  return parsed.text;
}

describe("grouping notes by link", () => {
  it("keeps consecutive notes of a link together and the order of everything", () => {
    const groups = groupByLink([note(1, 7, "a"), note(2, 7, "b"), note(3, 3, "c"), note(4, 7, "d")]);
    expect(groups.map((group) => [group.link.link_id, group.notes.map((n) => n.text)])).toEqual([
      [7, ["a", "b"]],
      [3, ["c"]],
      [7, ["d"]],
    ]);
  });
});

describe("a /notes page", () => {
  it("shows the counts and period on top, then each link once with its tags and its notes' dates", () => {
    const notes = [
      note(1, 2, "Structs are maps with a __struct__ key", at(24), { title: "Typed Elixir structs", tags: ["elixir", "beam"] }),
      note(2, 2, "Second thought", at(25, 1)),
      note(3, 1, "Ownership is about who frees", at(21)),
    ];
    const text = visible(
      renderNotesPage(t, { filter: { ...week, tags: ["elixir"] }, totals: { notes: 3, links: 2 }, notes, timeZone: "Asia/Shanghai", today: TODAY }),
    );
    expect(text.split("\n\n")).toEqual([
      "📝 Notes · Nov 19 – 25 · #elixir\n3 notes on 2 links",
      "🔗 Typed Elixir structs\n#elixir #beam · /link_2\n▫️ Nov 24 Structs are maps with a __struct__ key\n▫️ Nov 25 Second thought",
      "🔗 Link 1\n/link_1\n▫️ Nov 21 Ownership is about who frees",
    ]);
  });

  it("says one note on one link in the singular, and all time when there are no bounds", () => {
    const html = renderNotesPage(t, {
      filter: { tags: [], period: { name: null, range: null } },
      totals: { notes: 1, links: 1 },
      notes: [note(1, 1, "x")],
      timeZone: "UTC",
      today: TODAY,
    });
    expect(visible(html)).toMatch(/^📝 Notes · all time\n1 note on 1 link\n/);
  });

  it("shows markup in notes and titles as the text the user typed, and links only where the bot put them", () => {
    const evil = `<b>x</b><a href="https://evil.example">y</a> & "q"`;
    const html = renderNotesPage(t, {
      filter: week,
      totals: { notes: 1, links: 1 },
      notes: [note(1, 1, evil, at(20), { title: evil, url: `https://example.org/?a=1&b="<2>"` })],
      timeZone: "UTC",
      today: TODAY,
    });
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.text).toContain(`🔗 ${evil}`);
    expect(parsed.text).toContain(`▫️ Nov 20 ${evil}`);
    expect(parsed.entities.filter((e) => e.type === "text_link")).toEqual([expect.objectContaining({ url: `https://example.org/?a=1&b="<2>"` })]);
    expect(parsed.entities.filter((e) => e.type === "bold").map((e) => parsed.text.slice(e.offset, e.offset + e.length))).toEqual(["Notes"]);
  });

  it("previews a note by its first non-blank lines, marking what is left out", () => {
    expect(notePreview("  indented\n\nsecond\nthird")).toBe("  indented\nsecond\nthird");
    expect(notePreview("one\ntwo\nthree\nfour")).toBe("one\ntwo\nthree…");
    expect(notePreview("学".repeat(500))).toBe(`${"学".repeat(99)}…`);
  });

  it("stays far below Telegram's 4096 characters with the largest possible notes, titles, tags and filter", () => {
    // Characters outside the BMP count twice in Telegram's UTF-16 limit, so the worst case is built of them.
    const huge = ("𝐀😀".repeat(300) + "\n").repeat(50);
    const tags = Array.from({ length: 20 }, (_, i) => `${"𝐁".repeat(38)}${i}`);
    const notes = Array.from({ length: NOTES_PER_PAGE }, (_, i) =>
      note(i, 1_000_000_000 + i, huge, at(20), { title: huge, url: `https://${"a".repeat(60)}.example.org/${"p".repeat(2000)}`, tags }),
    );
    const filter: NotesFilter = { tags: tags.slice(0, 10), period: week.period };
    const length = htmlTextLength(renderNotesPage(t, { filter, totals: { notes: 123_456, links: 98_765 }, notes, timeZone: "UTC", today: TODAY }));
    expect(typeof length === "number" && length).toBeLessThan(3000);
  });

  it("with nothing to show, says so for the period and tags, and tells how notes are made", () => {
    const text = visible(renderNoNotes(t, { ...week, tags: ["rust", "a<b"] }));
    expect(text).toContain("No notes on links tagged #rust #a<b in Nov 19 – 25.");
    expect(text).toContain("/note your text");
    expect(visible(renderNoNotes(t, { tags: [], period: { name: null, range: null } }))).toMatch(/^You have no notes yet\./);
  });
});
