import { describe, expect, it } from "vitest";
import { parseQuery, toMatchExpression, type SearchQuery } from "../../src/search/query.js";
import { snippet } from "../../src/search/snippet.js";

const expression = (input: string, userId = 1) => {
  const query = parseQuery(input);
  return query && toMatchExpression(query, userId);
};
const query = (input: string): SearchQuery => parseQuery(input)!;
/** What Telegram shows of an HTML snippet. */
const visible = (html: string) => html.replace(/<\/?b>/g, "").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

describe("search queries", () => {
  it("needs every word, each word's start being enough, within the user's own links", () => {
    expect(expression("Elixir structs", 42)).toBe('owner : "u42" AND "Elixir"* AND "structs"*');
  });

  it("keeps FTS5 operators, brackets, stars, quotes and column names as plain words", () => {
    expect(expression("AND OR NOT NEAR")).toBe('owner : "u1" AND "AND"* AND "OR"* AND "NOT"* AND "NEAR"*');
    expect(expression('"unbalanced ( AND * -x NEAR')).toBe('owner : "u1" AND "unbalanced"* AND "AND"* AND "x"* AND "NEAR"*');
    expect(expression("title:secret ^start NEAR(a b)")).toBe('owner : "u1" AND "title secret"* AND "start"* AND "NEAR a"* AND "b"*');
  });

  it("doubles quotes inside a phrase", () => {
    expect(toMatchExpression({ words: [{ kind: "word", pieces: ['say"hi'] }], tags: [] }, 1)).toBe('owner : "u1" AND "say""hi"*');
  });

  it("splits a word where unicode61 does, keeping its pieces one phrase", () => {
    expect(expression("node.js")).toBe('owner : "u1" AND "node js"*');
    expect(expression("Café")).toBe('owner : "u1" AND "Café"*');
  });

  it("looks up a CJK run as the phrase of its pairs, a single character as a prefix", () => {
    expect(expression("进程调度")).toBe('owner : "u1" AND "进程 程调 调度"');
    expect(expression("进")).toBe('owner : "u1" AND "进"*');
    expect(expression("Rust进程")).toBe('owner : "u1" AND "Rust"* AND "进程"');
    expect(expression("天気")).toBe('owner : "u1" AND "天気"');
  });

  it("searches #tag words in the tags only, as whole words", () => {
    expect(expression("#rust async")).toBe('owner : "u1" AND "async"* AND tags : ("rust")');
    expect(expression("#机器学习 #ml #书")).toBe('owner : "u1" AND tags : ("机器 器学 学习" AND "ml" AND "书")');
  });

  it("has nothing to search without a letter or digit", () => {
    for (const input of ["", "   ", '"(*-:^)"', "#", "# -- ** ，。", "\u0301"]) expect(parseQuery(input)).toBeNull();
  });
});

describe("snippets", () => {
  it("shows markup in the text as text and marks the match", () => {
    expect(snippet(["<b>x</b> & Elixir"], query("x"))).toBe("&lt;b&gt;<b>x</b>&lt;/b&gt; &amp; Elixir");
  });

  it("marks the whole word a prefix matched, ignoring case and accents", () => {
    expect(snippet(["Notes on Café culture"], query("cafe"))).toBe("Notes on <b>Café</b> culture");
    expect(snippet(["Typed Elixir structs"], query("ELIX"))).toBe("Typed <b>Elixir</b> structs");
  });

  it("marks a CJK word inside a longer run", () => {
    expect(snippet(["学习操作系统进程调度的笔记"], query("进程"))).toBe("学习操作系统<b>进程</b>调度的笔记");
  });

  it("cuts a long text to about 100 characters around the first match", () => {
    const text = `${"lorem ipsum ".repeat(20)}the beam scheduler ${"dolor sit ".repeat(20)}`;
    const excerpt = snippet([text], query("scheduler"))!;
    expect(excerpt).toContain("<b>scheduler</b>");
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(Array.from(visible(excerpt)).length).toBeLessThanOrEqual(100);
  });

  it("gives a match at the end of a long text more context before it", () => {
    const excerpt = snippet([`${"word ".repeat(40)}finale`], query("finale"))!;
    expect(Array.from(visible(excerpt)).length).toBe(100);
    expect(excerpt.endsWith("<b>finale</b>")).toBe(true);
  });

  it("takes the first text that matches, on one line, or nothing", () => {
    expect(snippet(["no match here", "a note\nabout  beam"], query("beam"))).toBe("a note about <b>beam</b>");
    expect(snippet(["nothing"], query("beam"))).toBeUndefined();
    expect(snippet(["tagged beam"], query("#beam"))).toBeUndefined();
  });
});
