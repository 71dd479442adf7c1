import { describe, expect, it } from "vitest";
import type { TranslateFunction } from "@grammyjs/i18n";
import { parseTagCallback, tagCallback, tagKeyboard } from "../../src/features/tagging/keyboard.js";
import { knownLinksReply, RETAG_CALLBACK, retagCallback } from "../../src/features/capture/known-links.js";

const t: TranslateFunction = (key, vars) => (vars ? `${key}:${JSON.stringify(vars)}` : key);
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("tag question keyboard", () => {
  it("marks selected tags, keeps Skip and Done on the last row, and stays within 64 bytes of callback data", () => {
    const options = ["机器学习与深度学习的一个非常长的中文标签名称真的很长很长", "rust", "elixir", "beam"];
    const keyboard = tagKeyboard(options, new Set(["rust"]), t).inline_keyboard;
    expect(keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ["#机器学习与深度学习的一个非常长的中文标…", "✅ #rust", "#elixir"],
      ["#beam"],
      ["tag-skip", "tag-done"],
    ]);
    for (const button of keyboard.flat()) expect(bytes((button as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);
  });

  it("reads back exactly what it writes and rejects anything else", () => {
    expect(parseTagCallback(tagCallback.toggle(7))).toEqual({ kind: "toggle", index: 7 });
    expect(parseTagCallback(tagCallback.skip)).toEqual({ kind: "skip" });
    expect(parseTagCallback(tagCallback.done)).toEqual({ kind: "done" });
    for (const forged of ["tag:t:", "tag:t:-1", "tag:t:1e9", "tag:x", "retag:1"]) expect(parseTagCallback(forged)).toBeNull();
  });
});

describe("already-saved reply", () => {
  const link = (id: number) => ({ id, url: `https://e.org/${id}`, title: `<T${id}>`, saved_at: Date.UTC(2026, 10, 20, 23, 30), tags: ["a&b"] });

  it("dates the first save in the user's time zone and escapes titles and tags", () => {
    const { text } = knownLinksReply(t, [link(1)], "Asia/Shanghai");
    expect(text).toContain('"date":"2026-11-21"');
    expect(text).toContain("&lt;T1&gt;");
    expect(text).toContain("#a&amp;b");
  });

  it("gives each known link its own Re-tag button with a small, parseable callback", () => {
    const { keyboard } = knownLinksReply(t, [link(1), link(2)], "UTC");
    const buttons = keyboard.inline_keyboard.flat() as { text: string; callback_data: string }[];
    expect(buttons.map((b) => b.text)).toEqual(["duplicate-retag 1", "duplicate-retag 2"]);
    expect(buttons.map((b) => RETAG_CALLBACK.exec(b.callback_data)?.[1])).toEqual(["1", "2"]);
    expect(bytes(retagCallback(Number.MAX_SAFE_INTEGER))).toBeLessThanOrEqual(64);
  });
});
