import { describe, expect, it } from "vitest";
import { normalizeTag, parseTags } from "../../src/tags/parse-tags.js";

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
