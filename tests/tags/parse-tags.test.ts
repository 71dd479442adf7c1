import { describe, expect, it } from "vitest";
import { MAX_TAGS_PER_ANSWER, normalizeTag, parseTags } from "../../src/tags/parse-tags.js";
import { tagList } from "../../src/views/links.js";

describe("typed tags", () => {
  it.each([
    ["elixir beam", ["elixir", "beam"]],
    ["#elixir, #beam", ["elixir", "beam"]],
    ["机器学习", ["机器学习"]],
    ["#Rust，#系统编程、TOKIO", ["rust", "系统编程", "tokio"]],
    ["  #a #a A  ", ["a"]],
    ["c++ node.js", ["c++", "node.js"]],
    ["# ,, #", []],
  ])("%j → %j", (typed, expected) => {
    expect(parseTags(typed)).toEqual(expected);
  });

  it("keeps Unicode letters and lower-cases them, strips punctuation that is not part of a name", () => {
    expect(normalizeTag("#Ünïcode!")).toBe("ünïcode");
    expect(normalizeTag("##日本語")).toBe("日本語");
    expect(normalizeTag("!!!")).toBeNull();
  });
});

describe("absurd tag input", () => {
  it("keeps at most MAX_TAGS_PER_ANSWER tags from one answer, and a tag line stays short", () => {
    const many = parseTags(Array.from({ length: 500 }, (_, i) => `tag${i}`).join(" "));
    expect(many).toHaveLength(MAX_TAGS_PER_ANSWER);
    expect(many[0]).toBe("tag0");
    const line = tagList(Array.from({ length: 500 }, (_, i) => "长".repeat(40) + i));
    expect(line.length).toBeLessThan(1000);
    expect(line.endsWith("…")).toBe(true);
  });
});

describe("long tags", () => {
  it("cuts at 40 characters without splitting one, so normalizing twice changes nothing", () => {
    const tag = normalizeTag(`${"a".repeat(39)}𠀀𠀀`)!;
    expect(Array.from(tag)).toHaveLength(40);
    expect(tag.endsWith("𠀀")).toBe(true);
    expect(normalizeTag(tag)).toBe(tag);
  });
});
