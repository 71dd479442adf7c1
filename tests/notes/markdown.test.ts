import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/telegram/i18n.js";
import type { NoteEntry } from "../../src/notes/entries.js";
import type { Translate } from "../../src/views/translate.js";
import { escapeMarkdown, notesMarkdown } from "../../src/notes/markdown.js";

const i18n = createI18n();
const t: Translate = (key, variables) => i18n.t("en", key, variables);

const entry = (id: number, linkId: number, text: string, createdAt: number, link: Partial<NoteEntry> = {}): NoteEntry => ({
  id,
  link_id: linkId,
  text,
  created_at: createdAt,
  url: `https://example.org/${linkId}`,
  title: `Link ${linkId}`,
  tags: [],
  ...link,
});

describe("the /notes markdown file", () => {
  it("lists every link once with its tags, then each note complete under its local date and time", () => {
    const long = "第一行\n  indented 😀\n\n".repeat(200);
    const markdown = notesMarkdown(t, {
      filter: { tags: ["rust"], period: { name: "2026-11", range: { start: 0, end: 1 } } },
      totals: { notes: 3, links: 2 },
      notes: [
        entry(1, 2, "Ownership", Date.UTC(2026, 10, 24, 16, 5), { title: "The Book", tags: ["rust", "lang_design"] }),
        entry(2, 2, long, Date.UTC(2026, 10, 25, 9, 0), { title: "The Book", tags: ["rust", "lang_design"] }),
        entry(3, 1, "# not a heading\n> nor a quote", Date.UTC(2026, 10, 2), { url: "https://en.wikipedia.org/wiki/Rust_(language)", title: null }),
      ],
      timeZone: "Asia/Shanghai",
    });
    const quotedLong = long
      .split("\n")
      .map((line) => (line === "" ? ">" : `> ${line}`))
      .join("\n");
    expect(markdown).toBe(
      [
        "# linklog notes",
        "2026-11 · \\#rust · 3 notes on 2 links",
        "## [The Book](<https://example.org/2>)",
        "\\#rust \\#lang\\_design",
        "**2026-11-25 00:05**",
        "> Ownership",
        "**2026-11-25 17:00**",
        quotedLong,
        "## [https://en.wikipedia.org/wiki/Rust\\_(language)](<https://en.wikipedia.org/wiki/Rust_(language)>)",
        "**2026-11-02 08:00**",
        "> # not a heading\n> > nor a quote",
      ].join("\n\n") + "\n",
    );
  });

  it("keeps markup in titles as text", () => {
    expect(escapeMarkdown("<b>x</b> [a](b) *c*\nnext")).toBe("\\<b\\>x\\</b\\> \\[a\\](b) \\*c\\* next");
  });
});
