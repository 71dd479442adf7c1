import { describe, expect, it } from "vitest";
import { parseQuery } from "../../src/search/query.js";
import { ownedText, searchText, urlSearchText } from "../../src/search/search-text.js";
import { snippet } from "../../src/search/snippet.js";
import { MAX_SEARCHED_LENGTH } from "../../src/search/tokens.js";

describe("search text", () => {
  it("turns a Chinese run into overlapping pairs followed by its last character", () => {
    expect(searchText("进程调度")).toBe("进程 程调 调度 度");
    expect(searchText("操作系统")).toBe("操作 作系 系统 统");
  });

  it("keeps a one-character run as it is", () => {
    expect(searchText("我")).toBe("我");
    expect(searchText("a 我 b")).toBe("a 我 b");
  });

  it("leaves Latin text, digits and punctuation alone", () => {
    expect(searchText("Typed Elixir structs, v2.0 (café)!")).toBe("Typed Elixir structs, v2.0 (café)!");
  });

  it("separates a run from Latin letters touching it, which unicode61 would otherwise glue to it", () => {
    expect(searchText("Rust进程调度")).toBe("Rust 进程 程调 调度 度");
    expect(searchText("学习Rust编程")).toBe("学习 习 Rust 编程 程");
  });

  it("treats Japanese kana and kanji, and Korean Hangul, as runs; CJK punctuation ends a run", () => {
    expect(searchText("東京の天気")).toBe("東京 京の の天 天気 気");
    expect(searchText("コーヒー")).toBe("コー ーヒ ヒー ー");
    expect(searchText("운영체제")).toBe("운영 영체 체제 제");
    expect(searchText("进程，调度")).toBe("进程 程 ， 调度 度");
  });

  it("decodes percent-escapes in URLs so their words can be found, and keeps a malformed URL as written", () => {
    expect(urlSearchText("https://zh.wikipedia.org/wiki/%E8%BF%9B%E7%A8%8B")).toBe("https://zh.wikipedia.org/wiki/ 进程 程");
    expect(urlSearchText("https://example.org/%E8%BF")).toBe("https://example.org/%E8%BF");
  });

  it("puts the owner's prefix before every word and leaves what separates them", () => {
    expect(ownedText("u7x", searchText("Rust进程, node.js (café)"))).toBe("u7xRust u7x进程 u7x程 , u7xnode.u7xjs (u7xcafé)");
  });

  it("indexes the start of a 20 MiB field, one word or one CJK run, without overflowing the stack", () => {
    const size = 20 * 2 ** 20;
    for (const [letter, start] of [
      ["a", "u7xaaaa"],
      ["进", "u7x进进 u7x进进"],
      ["😀a", "😀u7xa😀u7xa"],
    ] as const) {
      const began = performance.now();
      const text = letter.repeat(size / letter.length);
      const owned = ownedText("u7x", searchText(text));
      expect(owned.startsWith(start)).toBe(true);
      // Bigrams and prefixes make the indexed text longer than what it was made from, but not without end.
      expect(owned.length).toBeLessThan(8 * MAX_SEARCHED_LENGTH);
      expect(urlSearchText(`https://example.org/${text}`).length).toBeLessThan(8 * MAX_SEARCHED_LENGTH);
      expect(snippet([text], parseQuery(letter)!)).toBeDefined();
      console.log(`20 MiB of ${letter}: ${(performance.now() - began).toFixed(0)} ms`);
    }
  });

  it("never cuts a character in two at the limit", () => {
    const text = `${"a".repeat(MAX_SEARCHED_LENGTH - 1)}😀 tail`;
    expect(searchText(text)).toBe("a".repeat(MAX_SEARCHED_LENGTH - 1));
  });
});
