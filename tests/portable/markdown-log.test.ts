import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXPORT_HEADINGS, markdownDay, markdownHeader, markdownLink, parseMarkdownLog } from "../../src/portable/markdown-log.js";
import type { PortableLink } from "../../src/portable/model.js";
import { MAX_PROBLEMS } from "../../src/portable/problems.js";
import { markdownWriter } from "../../src/portable/writers.js";
import { localDate, localDayRange } from "../../src/time/local-date.js";
import { inEnglish } from "../support/problems-in-english.js";

const context = { timeZone: "Asia/Shanghai", now: Date.UTC(2026, 10, 25) };
const fixture = readFileSync(new URL("../fixtures/study-log.md", import.meta.url), "utf8");
const day = (date: string) => localDayRange(date, context.timeZone).start;

describe("the study log fixture", () => {
  const parsed = parseMarkdownLog(fixture, context);
  const lines = fixture.split("\n");
  // Read off the file by hand: the note under the ✅ lelonek link runs from line 13 to line 66.
  const lelonekNote = lines.slice(12, 66).join("\n");

  it("finds every link in file order, with the titles, days, read marks and sections written there", () => {
    const summary = parsed.links.map((link) => [link.url, link.title, link.savedAt && localDate(link.savedAt, context.timeZone), link.read, link.tags]);
    expect(summary).toEqual([
      [
        "https://ejpcmac.net/blog/typed-elixir-structs-without-boilerplate/",
        "ejpcmac.net/blog - Typed Elixir structs without boilerplate",
        null,
        false,
        ["play"],
      ],
      ["https://medium.com/blackode/the-secret-behind-elixir-operator-overriding-to-a564fd6c0dd6", null, "2021-06-22", false, ["posts"]],
      ["https://blog.lelonek.me/elixir-on-erlang-vm-demystified-320557d09e1f", null, "2021-06-22", true, ["posts"]],
      ["https://blog.lelonek.me/", null, "2021-06-22", false, ["posts"]],
      ["https://blog.lelonek.me/how-to-find-an-elixir-job-db4c836890", null, "2021-06-22", false, ["posts"]],
      ["https://blog.lelonek.me/minimal-elixir-http2-server-64188d0c1f3a", null, "2021-06-22", false, ["posts"]],
      [
        "https://ejpcmac.net/blog/typed-elixir-structs-without-boilerplate/",
        "ejpcmac.net/blog - Typed Elixir structs without boilerplate",
        "2020-08-30",
        false,
        ["posts"],
      ],
      [
        "https://elixirforum.com/t/getting-each-stage-of-elixirs-compilation-all-the-way-to-the-beam-bytecode/1873",
        "Getting each stage of Elixir's compilation all the way to the BEAM bytecode - Chat / Discussions - Elixir Forum",
        "2020-08-30",
        false,
        ["posts"],
      ],
      ["https://hashrocket.com/blog/posts/build-the-ultimate-elixir-ci-with-github-actions", null, "2020-08-06", false, ["posts"]],
      ["https://elixirschool.com/blog/instrumenting-phoenix-with-telemetry-part-one/", null, "2020-08-06", false, ["posts"]],
      ["https://elixirschool.com/en/lessons/libraries/benchee/", null, "2020-08-06", false, ["posts"]],
      ["https://elixirschool.com/en/lessons/advanced/metaprogramming/", null, "2020-08-06", false, ["posts"]],
      [
        "https://www.youtube.com/watch?v=MZvmYaFkNJI",
        "Build a real-time Twitter clone in 15 minutes with LiveView and Phoenix 1.5",
        "2020-08-06",
        false,
        ["posts"],
      ],
    ]);
  });

  it("keeps the Chinese/English note verbatim, indentation, indented URL and trailing space included", () => {
    const withNotes = parsed.links.filter((link) => link.notes.length > 0);
    expect(withNotes.map((link) => link.url)).toEqual(["https://blog.lelonek.me/elixir-on-erlang-vm-demystified-320557d09e1f"]);
    const note = withNotes[0]!.notes[0]!.text;
    expect(note).toBe(lelonekNote);
    expect(note.startsWith("BEAM (Bogdan/Björn's Erlang Abstract Machine)\n  the core of the Erlang Open Telecom Platform (OTP)")).toBe(true);
    expect(note).toContain("\n  https://www.embedded.com/getting-started-with-multicore-programming-part-2-multithreading-in-c/\n");
    expect(note).toContain("BEAM instance 启动单个 OS process \n");
    expect(note.endsWith("prompt [smp:4:4] 表示有 4 核，4 个可用 schedulers")).toBe(true);
  });

  it("takes the plain line right above an untitled link as its title, not as the previous link's note", () => {
    const metaprogramming = parsed.links.find((link) => link.url.endsWith("/metaprogramming/"));
    expect(metaprogramming?.notes).toEqual([]);
  });

  it("drops the '- tag' item and the empty '# Blogs' section without complaint", () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.links.some((link) => link.tags.includes("blogs"))).toBe(false);
  });
});

describe("markdown log edge cases", () => {
  it("reports plain lines that belong to no link with their line numbers", () => {
    const parsed = parseMarkdownLog("# Posts\nstray words\n\nhttps://example.org/a\n- 2026-02-30\n", context);
    expect(inEnglish(parsed.problems)).toEqual([
      { line: 2, text: "stray words" },
      { line: 5, text: "- 2026-02-30" },
    ]);
    expect(parsed.links.map((link) => link.url)).toEqual(["https://example.org/a"]);
  });

  it("keeps at most the problem cap of 200,000 lines it cannot read, and says how many more there are", () => {
    const text = `https://example.org/ kept\n\n${Array.from({ length: 200_000 }, (_, i) => `- 2026-02-${30 + (i % 2)}`).join("\n")}`;
    const parsed = parseMarkdownLog(text, context);
    expect(parsed.links).toHaveLength(1);
    expect(parsed.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(inEnglish(parsed.problems.slice(0, 2))).toEqual([
      { line: 3, text: "- 2026-02-30" },
      { line: 4, text: "- 2026-02-31" },
    ]);
    expect(inEnglish(parsed.problems).at(-1)).toEqual({ line: MAX_PROBLEMS + 3, text: `… and ${200_000 - MAX_PROBLEMS} more problems from here on` });
  });

  it("counts stray lines past the cap even when a link later claims the last one as its title", () => {
    const strays = Array.from({ length: MAX_PROBLEMS + 10 }, (_, i) => `stray ${i}`).join("\n");
    const parsed = parseMarkdownLog(`${strays}\nhttps://example.org/`, context);
    expect(parsed.links.map((link) => link.title)).toEqual([`stray ${MAX_PROBLEMS + 9}`]);
    expect(inEnglish(parsed.problems).at(-1)).toEqual({ line: MAX_PROBLEMS + 1, text: "… and 9 more problems from here on" });
  });

  it("reads '- ' list links and ✅ after the dash", () => {
    const parsed = parseMarkdownLog("- https://example.org/a Title A\n- ✅ https://example.org/b\n", context);
    expect(parsed.links.map((link) => [link.url, link.title, link.read])).toEqual([
      ["https://example.org/a", "Title A", false],
      ["https://example.org/b", null, true],
    ]);
  });

  it("dates a link at its day's local midnight, also when the day comes again under another section", () => {
    // New York springs forward on 2024-03-10 and falls back on 2024-11-03: midnight is still one hour off UTC's.
    const log = "# A\n- 2024-03-10\nhttps://example.org/a\n- 2024-11-03\nhttps://example.org/b\n# B\n- 2024-03-10\nhttps://example.org/c\n";
    const timeZone = "America/New_York";
    const parsed = parseMarkdownLog(log, { ...context, timeZone });
    expect(parsed.links.map((link) => [link.url, link.savedAt])).toEqual([
      ["https://example.org/a", localDayRange("2024-03-10", timeZone).start],
      ["https://example.org/b", localDayRange("2024-11-03", timeZone).start],
      ["https://example.org/c", localDayRange("2024-03-10", timeZone).start],
    ]);
    expect(parsed.links.map((link) => link.savedAt)).toEqual([Date.UTC(2024, 2, 10, 5), Date.UTC(2024, 10, 3, 4), Date.UTC(2024, 2, 10, 5)]);
  });
});

/** What the markdown log carries of a link: address, title, read mark, saved day, and one note block. */
function carried(link: PortableLink) {
  return {
    url: link.url,
    title: link.title,
    read: link.read,
    day: link.savedAt === null ? null : localDate(link.savedAt, context.timeZone),
    notes: link.notes.map((note) => note.text).join("\n\n"),
  };
}

function exportLog(links: PortableLink[], heading?: string): string {
  const byDay = [...links].sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
  let text = markdownHeader(heading);
  let current: string | null = null;
  for (const link of byDay) {
    const date = localDate(link.savedAt!, context.timeZone);
    if (date !== current) text += markdownDay((current = date));
    text += markdownLink(link);
  }
  return text;
}

const noteLine = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("# not a heading", "- 2020-01-01", "https://example.org/in-a-note", "✅ done", "  indented", "进程调度 🎉", "**bold** _x_ [a](b)"),
);
const link = fc.record({
  url: fc.webUrl({ withQueryParameters: true }).filter((url) => !/\s/.test(url)),
  title: fc.option(
    fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 40 })
      .map((t) => t.replace(/\s+/gu, " ").trim())
      .filter((t) => t !== ""),
    { nil: null },
  ),
  tags: fc.constant([] as string[]),
  notes: fc
    .array(
      fc
        .array(noteLine, { minLength: 1, maxLength: 4 })
        .map((lines) => lines.join("\n"))
        .filter((text) => text.trim() !== "" && text === text.replace(/^\s*\n|\n\s*$/gu, "")),
      { maxLength: 2 },
    )
    .map((texts) => texts.map((text) => ({ text, createdAt: null }))),
  savedAt: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => day(localDate(t, context.timeZone))),
  read: fc.boolean(),
  readAt: fc.constant(null),
});

describe("the log linklog writes", () => {
  const link: PortableLink = { url: "https://example.org/a", title: "Title", tags: [], notes: [], savedAt: day("2024-05-01"), read: false, readAt: null };

  it("ends a link's line with its tags, #-marked, and reads them back from an export only", () => {
    const tagged = { ...link, tags: ["rust", "进程"] };
    expect(markdownLink(tagged)).toBe("\nhttps://example.org/a Title #rust #进程\n");
    expect(markdownLink({ ...tagged, title: null, read: true })).toBe("\n✅ https://example.org/a #rust #进程\n");
    expect(parseMarkdownLog(markdownHeader() + markdownLink(tagged), context).links.map((one) => [one.title, one.tags])).toEqual([["Title", ["rust", "进程"]]]);
    // In a log of one's own, the same line keeps its words as written.
    expect(parseMarkdownLog(markdownLink(tagged), context).links.map((one) => [one.title, one.tags])).toEqual([["Title #rust #进程", []]]);
  });

  it("escapes a title's last word that would read as a tag, and gives it back as written", () => {
    for (const title of ["Issue #42", "#rust", "C# and #", "a \\#b", "#Rust"]) {
      const line = markdownLink({ ...link, title, tags: ["rust"] });
      const back = parseMarkdownLog(markdownHeader() + line, context).links[0]!;
      expect([back.title, back.tags]).toEqual([title, ["rust"]]);
    }
    expect(markdownLink({ ...link, title: "Issue #42" })).toBe("\nhttps://example.org/a Issue \\#42\n");
  });

  it("writes each day's links in the order they were saved, days newest first", () => {
    const at = (date: string, hour: number) => day(date) + hour * 3_600_000;
    const links = [
      { ...link, url: "https://example.org/evening", savedAt: at("2024-05-02", 20) },
      { ...link, url: "https://example.org/noon", savedAt: at("2024-05-02", 12) },
      { ...link, url: "https://example.org/morning", savedAt: at("2024-05-02", 8) },
      { ...link, url: "https://example.org/day-before", savedAt: at("2024-05-01", 8) },
    ];
    const writer = markdownWriter(context);
    const file = writer.head() + writer.links(links.slice(0, 2)) + writer.links(links.slice(2)) + writer.tail();
    expect(file.split("\n").filter((line) => line.startsWith("- ") || line.startsWith("https"))).toEqual([
      "- 2024-05-02",
      "https://example.org/morning Title",
      "https://example.org/noon Title",
      "https://example.org/evening Title",
      "- 2024-05-01",
      "https://example.org/day-before Title",
    ]);
  });
});

describe("markdown round trip", () => {
  it("gives back every link's address, title, read mark, saved day and notes, under the export's heading in any language", () => {
    fc.assert(
      fc.property(fc.uniqueArray(link, { selector: (l) => l.url, maxLength: 8 }), fc.constantFrom(...EXPORT_HEADINGS), (links, heading) => {
        const back = parseMarkdownLog(exportLog(links, heading), context);
        expect(back.problems).toEqual([]);
        const sort = (list: ReturnType<typeof carried>[]) => [...list].sort((a, b) => a.url.localeCompare(b.url));
        expect(sort(back.links.map(carried))).toEqual(sort(links.map(carried)));
      }),
      { numRuns: 300 },
    );
  });
});
