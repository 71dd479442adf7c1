import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_TERMS, parseQuery, toMatchExpression, type SearchQuery } from "../../src/search/query.js";
import { snippet } from "../../src/search/snippet.js";

const expression = (input: string, userId = 1) => {
  const query = parseQuery(input);
  return query && toMatchExpression(query, userId);
};
const query = (input: string): SearchQuery => parseQuery(input)!;
/** What Telegram shows of an HTML snippet. */
const visible = (html: string) =>
  html
    .replace(/<\/?b>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");

describe("search queries", () => {
  it("needs every word, each word's start being enough, among the words of the user's own links", () => {
    expect(expression("Elixir structs", 42)).toBe('"u42xElixir"* AND "u42xstructs"*');
  });

  it("keeps FTS5 operators, brackets, stars, quotes and column names as plain words", () => {
    expect(expression("AND OR NOT NEAR")).toBe('"u1xAND"* AND "u1xOR"* AND "u1xNOT"* AND "u1xNEAR"*');
    expect(expression('"unbalanced ( AND * -x NEAR')).toBe('"u1xunbalanced"* AND "u1xAND"* AND "u1xx"* AND "u1xNEAR"*');
    expect(expression("title:secret ^start NEAR(a b)")).toBe('"u1xtitle u1xsecret"* AND "u1xstart"* AND "u1xNEAR u1xa"* AND "u1xb"*');
  });

  it("doubles quotes inside a phrase", () => {
    expect(toMatchExpression({ words: [{ kind: "word", pieces: ['say"hi'] }], tags: [], shortened: false }, 1)).toBe('"u1xsay""hi"*');
  });

  it("splits a word where unicode61 does, keeping its pieces one phrase", () => {
    expect(expression("node.js")).toBe('"u1xnode u1xjs"*');
    expect(expression("Café")).toBe('"u1xCafé"*');
  });

  it("looks up a CJK run as the phrase of its pairs, a single character as a prefix", () => {
    expect(expression("进程调度")).toBe('"u1x进程 u1x程调 u1x调度"');
    expect(expression("进")).toBe('"u1x进"*');
    expect(expression("Rust进程")).toBe('"u1xRust"* AND "u1x进程"');
    expect(expression("天気")).toBe('"u1x天気"');
  });

  it("searches #tag words in the tags only, as whole words", () => {
    expect(expression("#rust async")).toBe('"u1xasync"* AND tags : ("u1xrust")');
    expect(expression("#机器学习 #ml #书")).toBe('tags : ("u1x机器 u1x器学 u1x学习" AND "u1xml" AND "u1x书")');
  });

  it("searches a word typed twice once, whatever its case or accents", () => {
    expect(expression(Array(1000).fill("#a").join(" "))).toBe('tags : ("u1xa")');
    expect(expression("Café cafe CAFÉ #rust #Rust rust 进程 进程")).toBe('"u1xCafé"* AND "u1xrust"* AND "u1x进程" AND tags : ("u1xrust")');
    expect(parseQuery("Café cafe")?.shortened).toBe(false);
  });

  it("searches the first distinct words only, and says so", () => {
    const many = parseQuery(Array.from({ length: 20 }, (_, i) => `w${i} #t${i}`).join(" "))!;
    expect(many.words.length + many.tags.length).toBe(MAX_TERMS);
    expect(many.words[0]).toEqual({ kind: "word", pieces: ["w0"] });
    expect(many.shortened).toBe(true);
  });

  it("reads the input up to a length, cutting at a space, or a single long word to its start", () => {
    const long = parseQuery(`${"ab ".repeat(MAX_QUERY_LENGTH / 3)}tail`)!;
    expect(long).toMatchObject({ words: [{ kind: "word", pieces: ["ab"] }], shortened: true });
    const word = parseQuery("x".repeat(20 * MAX_QUERY_LENGTH))!;
    expect(word).toMatchObject({ words: [{ kind: "word", pieces: ["x".repeat(MAX_QUERY_LENGTH)] }], shortened: true });
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
