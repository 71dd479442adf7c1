import { describe, expect, it } from "vitest";
import { parseQuestionButton, questionButton } from "../../src/questions/callback-data.js";
import { knownLinksReply, RETAG_CALLBACK, retagCallback } from "../../src/questions/known-links.js";
import { tagKeyboard } from "../../src/questions/view.js";

const t = (key: string, vars?: Record<string, string | number>) => (vars ? `${key}:${JSON.stringify(vars)}` : key);
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

const LARGEST_ID = 999_999_999_999;
const question = (options: string[], selected: string[]) => ({ id: LARGEST_ID, options, selected });

describe("tag question keyboard", () => {
  it("marks selected tags, keeps Skip and Done on the last row, and stays within 64 bytes of callback data", () => {
    const options = ["机器学习与深度学习的一个非常长的中文标签名称真的很长很长", "rust", "elixir", "beam"];
    const keyboard = tagKeyboard(question(options, ["rust"]), t).inline_keyboard;
    expect(keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ["#机器学习与深度学习的一个非常长的中文标…", "✅ #rust", "#elixir"],
      ["#beam"],
      ["tag-skip", "tag-done"],
    ]);
    for (const button of keyboard.flat()) expect(bytes((button as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
  });

  it("has no empty row when there is nothing to suggest", () => {
    expect(tagKeyboard(question([], []), t).inline_keyboard.map((row) => row.length)).toEqual([2]);
  });

  it("reads back exactly what it writes, for every action, and rejects anything else", () => {
    const actions = ["toggle", "done", "skip", "together", "oneByOne", "tag", "asTags", "asNote", "lateYes", "lateNo"] as const;
    for (const action of actions) {
      const data = questionButton(LARGEST_ID, action, action === "toggle" ? 999 : undefined);
      expect(bytes(data)).toBeLessThanOrEqual(64);
      expect(parseQuestionButton(data)).toEqual({ questionId: LARGEST_ID, action, index: action === "toggle" ? 999 : 0 });
    }
    for (const forged of ["q:1:t", "q:1:t:-1", "q:1:t:1e9", "q:1:d:3", "q:1:zz", "q::d", "tag:done", "retag:1", "q:1234567890123:d"]) {
      expect(parseQuestionButton(forged)).toBeNull();
    }
  });
});

describe("already-saved reply", () => {
  const link = (id: number) => ({ id, url: `https://e.org/${id}`, title: `<T${id}>`, saved_at: Date.UTC(2026, 10, 20, 23, 30), tags: ["a&b"] });

  it("dates the first save in the user's time zone and escapes titles and tags", () => {
    const { text } = knownLinksReply(t, [link(1)], "Asia/Shanghai", Date.UTC(2026, 11, 1));
    expect(text).toContain('"date":"Nov 21"');
    expect(text).toContain("&lt;T1&gt;");
    expect(text).toContain("#a&amp;b");
  });

  it("gives each known link its own Re-tag button with a small, parseable callback", () => {
    const { keyboard } = knownLinksReply(t, [link(1), link(2)], "UTC", Date.UTC(2026, 11, 1));
    const buttons = keyboard.inline_keyboard.flat() as { text: string; callback_data: string }[];
    expect(buttons.map((b) => b.text)).toEqual(["duplicate-retag 1", "duplicate-retag 2"]);
    expect(buttons.map((b) => RETAG_CALLBACK.exec(b.callback_data)?.[1])).toEqual(["1", "2"]);
    expect(bytes(retagCallback(Number.MAX_SAFE_INTEGER))).toBeLessThanOrEqual(64);
  });
});
