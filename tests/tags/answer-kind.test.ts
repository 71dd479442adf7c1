import { describe, expect, it } from "vitest";
import { classifyAnswer } from "../../src/tags/answer-kind.js";

/** What a message typed while a tag question is open means: the exchanges, in both languages. */
describe("tags or a note", () => {
  it.each([
    ["rust", ["rust"]],
    ["elixir beam", ["elixir", "beam"]],
    ["#Elixir, beam", ["elixir", "beam"]],
    ["#rust #async #tokio", ["rust", "async", "tokio"]],
    ["机器学习", ["机器学习"]],
    ["机器学习 深度学习", ["机器学习", "深度学习"]],
    ["分布式系统 raft", ["分布式系统", "raft"]],
    ["node.js c++", ["node.js", "c++"]],
    ["sqlite btree", ["sqlite", "btree"]],
    ["#读书笔记", ["读书笔记"]],
    ["a b c d e f g h", ["a", "b", "c", "d", "e", "f", "g", "h"]],
  ])("%j reads as tags", (text, tags) => {
    expect(classifyAnswer(text)).toEqual({ kind: "tags", tags });
  });

  it.each([
    "这篇讲 SQLite 的 B-tree 很清楚，要再读一遍",
    "thanks!",
    "Great read. Worth a second pass.",
    "要再读一遍。",
    "为什么这样设计？",
    "one two three four five six seven eight nine",
    "a fairly long remark without punctuation that goes on well past sixty characters",
    "see section 3; the proof is neat",
    "好文！",
    "wow…",
  ])("%j reads as a note", (text) => {
    expect(classifyAnswer(text)).toEqual({ kind: "note" });
  });

  it.each([
    ["thanks", ["thanks"]],
    ["好的", ["好的"]],
    ["ok", ["ok"]],
    ["这个讲得很好值得再读一次", ["这个讲得很好值得再读一次"]],
    ["antidisestablishmentarianismandmore", ["antidisestablishmentarianismandmore"]],
    ["a=b", ["ab"]],
    ["see (appendix)", ["see", "appendix"]],
  ])("%j is asked about", (text, tags) => {
    expect(classifyAnswer(text)).toEqual({ kind: "ask", tags });
  });

  it("takes doubtful words as tags when they reply to the question itself, but never prose", () => {
    expect(classifyAnswer("thanks", { repliesToQuestion: true })).toEqual({ kind: "tags", tags: ["thanks"] });
    expect(classifyAnswer("这篇很清楚，要再读", { repliesToQuestion: true })).toEqual({ kind: "note" });
  });

  it("leaves text with nothing to keep to the next handler", () => {
    expect(classifyAnswer("👍")).toEqual({ kind: "none" });
    expect(classifyAnswer("!!!")).toEqual({ kind: "none" });
    expect(classifyAnswer("   ")).toEqual({ kind: "none" });
  });

  it("never turns punctuated hashtags into tags without asking", () => {
    expect(classifyAnswer("#rust is great!")).toEqual({ kind: "note" });
  });
});
