import { readFileSync } from "node:fs";
import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { databaseFile } from "../support/bot-process.js";
import { button, nextEdit, nextMessage } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { appHarness } from "../support/harness.js";

const USER = 6101;
const fixture = readFileSync(new URL("../fixtures/telegram-result.json", import.meta.url));

/** A Telegram Desktop export sent to the bot as a document: previewed as one, imported on Import. */
describe("importing a Telegram Desktop export, end to end", () => {
  const harness = appHarness();
  const { user } = chatSession(harness, { id: USER, first_name: "Ada" });
  const { all: sql } = databaseFile(() => harness.databasePath);

  async function sendFile(content: Buffer, fileName: string): Promise<Message> {
    const file = harness.emulator.addFile(content, fileName);
    const since = harness.emulator.mark();
    user().sendCaptioned("document", "", { document: { ...file, file_name: fileName, mime_type: "application/json", file_size: file.file_size } });
    return await nextMessage(harness.emulator, USER, since);
  }

  it("names the format and the count in the preview, and imports the links with their dates, notes and sources", async () => {
    const preview = await sendFile(fixture, "result.json");
    expect(preview.text).toContain("result.json (Telegram export)");
    expect(preview.text).toContain("Links: 7 · already saved: 0 · read: 0 · with notes: 5");
    expect(preview.text).not.toContain("Not web links");

    const since = harness.emulator.mark();
    user().press(preview, button(preview, "Import").callback_data);
    await nextEdit(harness.emulator, preview, since, /Imported 7 links: 7 new/);

    expect(sql("select url, saved_at, source from links where user_id = ? and url like '%rust%' order by url", USER)).toEqual([
      { url: "https://blog.rust-lang.org/2025/03/03/release.html", saved_at: Date.parse("2025-03-03T20:00:00Z"), source: "Rust Weekly" },
      { url: "https://rust-lang.github.io/async-book/", saved_at: Date.parse("2025-03-03T20:00:00Z"), source: "Rust Weekly" },
    ]);
    expect(sql("select count(*) as n from notes where user_id = ?", USER)).toEqual([{ n: 5 }]);
    expect(sql("select title from links where url = 'https://dataintensive.net/'")).toEqual([{ title: "Designing Data-Intensive Applications" }]);
  });
});
