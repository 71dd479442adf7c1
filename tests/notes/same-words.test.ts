import { describe, expect, it } from "vitest";
import { repeatsTitle } from "../../src/notes/same-words.js";

describe("words that only repeat the page's title", () => {
  it.each([
    ["Understanding the BEAM", "Understanding the BEAM"],
    ["understanding the beam!", "Understanding the BEAM"],
    ["Understanding the BEAM - Erlang Notes", "Understanding the BEAM"],
    ["Understanding the BEAM | Erlang Notes", "Understanding the BEAM"],
    ["进程调度 | 知乎", "进程调度"],
    ["ＳＱＬｉｔｅ　Ｂ-tree", "SQLite B-tree"],
  ])("%j repeats %j", (words, title) => {
    expect(repeatsTitle(words, title)).toBe(true);
  });

  it.each([
    ["这个讲得好", "Understanding the BEAM"],
    ["Must read", "Must read: a history of Unix and everything that came after it"],
    ["BEAM", "Understanding the BEAM scheduler"],
    ["", "Anything"],
    ["🔥🔥", "🔥🔥"],
  ])("%j is the user's own, beside %j", (words, title) => {
    expect(repeatsTitle(words, title)).toBe(false);
  });
});
