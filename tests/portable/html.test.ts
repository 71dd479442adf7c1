import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_IMPORTED_TAGS } from "../../src/portable/fields.js";
import { MAX_PROBLEMS } from "../../src/portable/problems.js";
import { htmlHead, htmlItem, htmlTail, parseNetscapeHtml } from "../../src/portable/netscape-html.js";
import { mergeDuplicates } from "../../src/portable/merge.js";
import { isPocketHtml, parsePocketHtml } from "../../src/portable/pocket-html.js";
import { inEnglish } from "../support/problems-in-english.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const seconds = (unix: number) => unix * 1000;

describe("Firefox's bookmark export", () => {
  const parsed = parseNetscapeHtml(fixture("bookmarks-firefox.html"));

  it("reads every bookmark in file order with its address, title and date, entities decoded", () => {
    expect(parsed.links.map((link) => [link.url, link.title, link.savedAt])).toEqual([
      ["place:type=6&sort=14&maxResults=10", "Recent Tags", seconds(1700000000)],
      ["https://doc.rust-lang.org/book/", "The Rust Programming Language", seconds(1688169600)],
      ["https://support.mozilla.org/products/firefox", "Get Help", seconds(1600000001)],
      ["https://news.ycombinator.com/", "Hacker News", seconds(1650000000)],
      ["https://arxiv.org/abs/1706.03762?src=ff&ref=toolbar", "Attention Is All You Need & more", seconds(1500000000)],
      ["https://zh.wikipedia.org/wiki/%E4%B8%AD%E6%96%87", "中文 <维基> it's", seconds(1710000000)],
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe("Netscape bookmarks HTML");
  });

  it("tags a bookmark with its TAGS and its own folders, but not with the toolbar or Other Bookmarks", () => {
    expect(parsed.links.map((link) => link.tags)).toEqual([[], ["rust", "book"], ["mozilla-firefox"], [], ["machine-learning", "transformers"], []]);
  });

  it("keeps a <DD> description as the bookmark's note, line break and entities included, and a folder's description as nobody's", () => {
    expect(parsed.links[1]!.notes).toEqual([{ text: "Chapters 1–8 first;\nthe ownership chapter twice <3", createdAt: null }]);
    expect(parsed.links.filter((link) => link.notes.length > 0)).toHaveLength(1);
  });

  it("counts browser bookmarks as unread, with no read time", () => {
    expect(parsed.links.every((link) => !link.read && link.readAt === null)).toBe(true);
  });
});

describe("Chrome's bookmark export", () => {
  const parsed = parseNetscapeHtml(fixture("bookmarks-chrome.html"));

  it("tags each bookmark with its whole folder path below the browser's own containers", () => {
    expect(parsed.links.map((link) => [link.url, link.tags])).toEqual([
      ["https://developer.mozilla.org/", []],
      ["https://os.phil-opp.com/", ["reading", "系统-编程"]],
      ["https://jvns.ca/", ["reading"]],
      ["https://www.rfc-editor.org/rfc/rfc4180", []],
      ["https://example.org/no-date", []],
    ]);
  });

  it("leaves the date unknown when ADD_DATE is missing", () => {
    expect(parsed.links.map((link) => link.savedAt)).toEqual([seconds(1609459300), seconds(1609459500), seconds(1609459600), seconds(1609459700), null]);
  });
});

describe("a Pinboard export", () => {
  const parsed = parseNetscapeHtml(fixture("bookmarks-pinboard.html"));

  it('takes TOREAD="1" as unread and TOREAD="0" as read', () => {
    expect(parsed.links.map((link) => [link.title, link.read, link.tags])).toEqual([
      ["What every programmer should know about memory", false, ["linux", "memory"]],
      ["On the cruelty of really teaching computing science", true, ["dijkstra"]],
    ]);
    expect(parsed.links[0]!.notes).toEqual([{ text: "Part 1 of 9; start with the CPU caches section.", createdAt: null }]);
  });

  it("reports a bookmark without an address on its line", () => {
    expect(inEnglish(parsed.problems)).toEqual([{ line: 9, text: "a link without an address: A bookmark whose address was lost" }]);
  });
});

describe("Pocket's HTML export", () => {
  const html = fixture("pocket.html");
  const parsed = parsePocketHtml(html);

  it("is told apart from a browser's bookmark file", () => {
    expect(isPocketHtml(html)).toBe(true);
    expect(isPocketHtml(fixture("bookmarks-firefox.html"))).toBe(false);
  });

  it("reads the Unread list as unread and the Read Archive as read, with dates, tags and decoded titles", () => {
    expect(parsed.links).toEqual([
      {
        url: "https://overreacted.io/a-complete-guide-to-useeffect/",
        title: "A Complete Guide to useEffect",
        tags: [],
        notes: [],
        savedAt: seconds(1551225600),
        read: false,
        readAt: null,
      },
      {
        url: "https://example.com/search?q=csv&page=2",
        title: "Parsing CSV & friends — a tour",
        tags: ["machine-learning", "rust"],
        notes: [],
        savedAt: seconds(1600000100),
        read: false,
        readAt: null,
      },
      {
        url: "https://paulgraham.com/greatwork.html",
        title: "How to Do Great Work",
        tags: ["essays"],
        notes: [],
        savedAt: seconds(1688169600),
        read: true,
        readAt: null,
      },
      { url: "https://example.com/untitled", title: null, tags: [], notes: [], savedAt: seconds(1500000000), read: true, readAt: null },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe("Pocket HTML");
  });
});

describe("the bookmark file linklog writes", () => {
  const link = {
    url: "https://example.org/?a=1&b=<2>",
    title: 'Tom & "Jerry" <script>',
    tags: ["c++", "系统"],
    notes: [
      { text: "first", createdAt: 1 },
      { text: "second\nline", createdAt: 2 },
    ],
    savedAt: Date.UTC(2024, 0, 2, 3, 4, 5, 678),
    read: false,
    readAt: null,
  };
  const file = htmlHead() + htmlItem(link) + htmlTail();

  it("has what browsers look for: the doctype, a UTF-8 charset, a title, a heading and one list", () => {
    expect(file.startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n")).toBe(true);
    expect(file).toContain('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">');
    expect(file).toContain("<TITLE>Bookmarks</TITLE>");
    expect(file).toContain("<H1>Bookmarks</H1>");
    expect(file.match(/<DL><p>/g)).toHaveLength(1);
    expect(file.endsWith("</DL><p>\n")).toBe(true);
  });

  it("keeps spaces at the ends of a title, and writes a long run of spaces inside a note", () => {
    const spaced = { ...link, title: "  indented ", notes: [{ text: `a${" ".repeat(300_000)}b`, createdAt: null }] };
    const item = htmlItem(spaced);
    expect(item).toContain(">&#32;&#32;indented&#32;</A>");
  });

  it("never writes an empty <A>: an untitled link is named by its short address", () => {
    const untitled = { ...link, url: "https://zh.wikipedia.org/wiki/%E8%BF%9B%E7%A8%8B", title: null };
    expect(htmlItem(untitled)).toContain(">zh.wikipedia.org › 进程</A>");
    expect(htmlItem({ ...untitled, title: "  " })).toContain(">zh.wikipedia.org › 进程</A>");
    expect(htmlItem({ ...untitled, url: "https://example.org/" })).toContain(">example.org</A>");
  });

  it("escapes the address, title and notes, and writes the date in seconds", () => {
    expect(htmlItem(link)).toBe(
      '    <DT><A HREF="https://example.org/?a=1&amp;b=&lt;2&gt;" ADD_DATE="1704164645" TAGS="c++,系统" TOREAD="1">Tom &amp; &quot;Jerry&quot; &lt;script&gt;</A>\n' +
        "    <DD>first\n\nsecond\nline\n",
    );
  });
});

describe("hostile HTML", () => {
  // Sizes that a recursive or quadratic parser could not get through; speed itself is measured in bench/.

  it("reads a link under a million nested lists without overflowing the stack", () => {
    const parsed = parseNetscapeHtml(`${"<DL><p>".repeat(1_000_000)}<DT><A HREF="https://example.org/deep">deep</A>`);
    expect(parsed.links.map((link) => link.url)).toEqual(["https://example.org/deep"]);
  });

  it("caps the folder tags of a bookmark a hundred thousand folders deep", () => {
    const folders = Array.from({ length: 100_000 }, (_, i) => `<DT><H3>f${i}</H3><DL><p>`).join("");
    const parsed = parseNetscapeHtml(`${folders}<DT><A HREF="https://example.org/deep">deep</A>`);
    expect(parsed.links[0]!.tags).toHaveLength(MAX_IMPORTED_TAGS);
    expect(parsed.links[0]!.tags.slice(0, 2)).toEqual(["f0", "f1"]);
  });

  it("gets through a million unclosed tags of other kinds", () => {
    const parsed = parseNetscapeHtml(`${"<div><b title='x'>".repeat(500_000)}<a href="https://example.org/">x</a>`);
    expect(parsed.links).toHaveLength(1);
  });

  it("stops at an attribute quote that never closes in 5 MiB", () => {
    const parsed = parseNetscapeHtml(`<DT><A HREF="https://example.org/">ok</A><DT><A HREF="${"x".repeat(5 * 1024 * 1024)}`);
    expect(parsed.links.map((link) => link.url)).toEqual(["https://example.org/"]);
  });

  it("gets through two million tags that never end", () => {
    const parsed = parseNetscapeHtml("<a x ".repeat(2 * 1024 * 1024));
    expect(parsed.links).toEqual([]);
    expect(parsed.problems).toHaveLength(MAX_PROBLEMS + 1);
  });
});

describe("fixes to the bookmark readers (issue 18)", () => {
  const file = (items: string) => `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n${items}\n</DL><p>\n`;

  it("linkding: the tag linkding:bookmarks.archived means read and is no tag; [linkding-notes] is a note apart from the description", () => {
    const parsed = parseNetscapeHtml(fixture("bookmarks-linkding.html"));
    expect(parsed.links.map((link) => [link.url, link.read, link.tags, link.notes.map((note) => note.text)])).toEqual([
      ["https://go.dev/doc/effective_go", true, ["go"], ["How to write clear, idiomatic Go code.", "Reread the section on embedding."]],
      ["https://www.sqlite.org/wal.html", false, ["databases", "sqlite"], ["Checkpoints: when?"]],
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it("Pinboard: the toread tag is the unread state, not a tag, whatever TOREAD says", () => {
    const parsed = parseNetscapeHtml(
      file(
        [
          '<DT><A HREF="https://a.example/" ADD_DATE="1262304000" TOREAD="0" TAGS="toread,linux">A</A>',
          '<DT><A HREF="https://b.example/" ADD_DATE="1262304000" TOREAD="0" TAGS="linux">B</A>',
          '<DT><A HREF="https://c.example/" ADD_DATE="1262304000" TAGS="ToRead">C</A>',
        ].join("\n"),
      ),
    );
    expect(parsed.links.map((link) => [link.url, link.read, link.tags])).toEqual([
      ["https://a.example/", false, ["linux"]],
      ["https://b.example/", true, ["linux"]],
      ["https://c.example/", false, []],
    ]);
  });

  it("collapses the whitespace and line breaks inside a title as HTML shows it", () => {
    const parsed = parseNetscapeHtml(file('<DT><A HREF="https://a.example/">Line\n        broken \t  title</A>'));
    expect(parsed.links.map((link) => link.title)).toEqual(["Line broken title"]);
  });

  it("percent-encodes spaces and angle brackets in an HREF as browsers do, and the link is kept", () => {
    const parsed = parseNetscapeHtml(file('<DT><A HREF=" https://a.example/a b/&lt;c&gt;?q=x y ">Spaced</A>'));
    expect(parsed.links.map((link) => link.url)).toEqual(["https://a.example/a%20b/%3Cc%3E?q=x%20y"]);
    expect(mergeDuplicates(parsed.links).invalid).toEqual([]);
  });

  it("never takes a relative HREF for a link, and says nothing of it", () => {
    const parsed = parseNetscapeHtml(file('<DT><A HREF="messages2.html">Next</A>\n<DT><A HREF="#top">Top</A>\n<DT><A HREF="https://a.example/">A</A>'));
    expect(parsed.links.map((link) => link.url)).toEqual(["https://a.example/"]);
    expect(parsed.problems).toEqual([]);
  });

  it("gives no tag for a folder whose name has no letter or digit", () => {
    const parsed = parseNetscapeHtml(
      file('<DT><H3>Work</H3>\n<DL><p>\n<DT><H3>-----</H3>\n<DL><p>\n<DT><A HREF="https://a.example/">A</A>\n</DL><p>\n</DL><p>'),
    );
    expect(parsed.links.map((link) => link.tags)).toEqual([["work"]]);
  });

  it("reports an ADD_DATE it cannot read with its line, and the link keeps no date until the import gives it one", () => {
    const parsed = parseNetscapeHtml(file('<DT><A HREF="https://a.example/" ADD_DATE="yesterday">A</A>\n<DT><A HREF="https://b.example/" ADD_DATE="0">B</A>'));
    expect(parsed.links.map((link) => link.savedAt)).toEqual([null, null]);
    expect(inEnglish(parsed.problems)).toEqual([{ line: 3, text: "a date that could not be read: yesterday; the link gets the time of the import" }]);
  });
});
