import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/telegram/i18n.js";
import { choicesOf, MOVE_CALLBACK, moveCallback, noteConfirmation } from "../../../src/features/notes/confirmation.js";
import type { Translate } from "../../../src/views/translate.js";
import { noteTextOf } from "../../../src/notes/note-text.js";
import { parseTelegramHtml } from "../../../src/emulator/index.js";

const i18n = createI18n();
const t: Translate = (key, variables) => i18n.t("en", key, variables);
const command = (text: string) => ({ text, entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/, 1)[0]!.length }] });

describe("the text a message gives as a note", () => {
  it("is the text or caption exactly as written", () => {
    const text = "  第一行 😀\n\n    code()\n";
    expect(noteTextOf({ text })).toBe(text);
    expect(noteTextOf({ caption: text })).toBe(text);
    expect(noteTextOf({})).toBeNull();
  });

  it("drops a leading command and what separates it, but keeps the next line's indentation", () => {
    expect(noteTextOf(command("/note   the idea"))).toBe("the idea");
    expect(noteTextOf(command("/note@linklog_test_bot the idea"))).toBe("the idea");
    expect(noteTextOf(command("/note\n    indented\nmore"))).toBe("    indented\nmore");
    expect(noteTextOf(command("/note  \n "))).toBeNull();
    expect(noteTextOf(command("/note"))).toBeNull();
  });
});

describe("the note confirmation", () => {
  const link = (id: number, title: string | null = `<T${id}>`) => ({ id, url: `https://example.org/${id}?a=1&b=2`, title });

  it("names the link, escaped, with Move and Delete when there was one link", () => {
    const confirmation = noteConfirmation(t, "note-added", 5, link(1), [link(1)]);
    expect(confirmation.keyboard!.inline_keyboard.flat().map((b) => [b.text, "callback_data" in b && b.callback_data])).toEqual([
      ["Move", "nt:m:5"],
      ["🗑 Delete", "nt:d:5"],
    ]);
    expect(confirmation.text).toBe('📝 Note added to <a href="https://example.org/1?a=1&amp;b=2">&lt;T1&gt;</a>.');
  });

  it("numbers several links and offers a move to each other one, with small verifiable callbacks", () => {
    const choices = [link(1), link(22, null), link(333_333_333_333_333)];
    const { text, keyboard } = noteConfirmation(t, "note-moved", 999_999_999_999_999, choices[1]!, choices);
    const parsed = parseTelegramHtml(text);
    expect(parsed.ok && parsed.text).toBe(
      "📝 Note moved to example.org › 22.\n\nYour reply was about 3 links:\n" +
        "1. <T1>\n2. example.org › 22\n3. <T333333333333333>\nTap a number to move the note there.",
    );
    const buttons = keyboard!.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(["Move to 1", "✅ 2", "Move to 3", "🗑 Delete"]);
    for (const button of buttons.slice(0, 3)) {
      const data = "callback_data" in button ? button.callback_data : "";
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(MOVE_CALLBACK.test(data)).toBe(true);
    }
    expect(choicesOf(keyboard!)).toEqual([1, 22, 333_333_333_333_333]);
  });

  it("reads no choices from other buttons, and refuses callbacks that are not two plain ids", () => {
    expect(
      choicesOf({
        inline_keyboard: [
          [
            { text: "x", callback_data: "v:1:2" },
            { text: "y", url: "https://e.org" },
          ],
        ],
      }),
    ).toEqual([]);
    expect(choicesOf(undefined)).toEqual([]);
    for (const forged of ["nmv:1", "nmv:-1:2", "nmv:1:2:3", "nmv:1e3:2", `nmv:${"9".repeat(16)}:1`]) expect(MOVE_CALLBACK.test(forged)).toBe(false);
    expect(MOVE_CALLBACK.exec(moveCallback(12, 34))?.slice(1)).toEqual(["12", "34"]);
  });
});
