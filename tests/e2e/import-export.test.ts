import { readFileSync } from "node:fs";
import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { databaseFile } from "../support/bot-process.js";
import { button, nextEdit, nextMessage } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { appHarness } from "../support/harness.js";

const USER = 6001;
const fixture = readFileSync(new URL("../fixtures/study-log.md", import.meta.url));

/** Import by sending a file, preview, Import / Cancel, then find and export what came in. */
describe("import and export, end to end", () => {
  const harness = appHarness();
  const { user, command } = chatSession(harness, { id: USER, first_name: "Ada" });
  const { all: sql } = databaseFile(() => harness.databasePath);

  async function sendFile(content: Buffer | string, fileName: string, claimedSize?: number): Promise<Message> {
    const file = harness.emulator.addFile(content, fileName);
    const since = harness.emulator.mark();
    user().sendCaptioned("document", "", {
      document: { ...file, file_name: fileName, mime_type: "text/markdown", file_size: claimedSize ?? file.file_size },
    });
    return await nextMessage(harness.emulator, USER, since);
  }

  async function pressAndWait(message: Message, label: string, text: RegExp): Promise<Message> {
    const since = harness.emulator.mark();
    user().press(message, button(message, label).callback_data);
    return await nextEdit(harness.emulator, message, since, text);
  }

  it("previews the markdown log before importing anything", async () => {
    const preview = await sendFile(fixture, "study-log.md");
    expect(preview.text).toContain("study-log.md (markdown log)");
    expect(preview.text).toContain("Links: 12 · already saved: 0 · read: 1 · with notes: 1");
    expect(preview.text).toContain("Tags: #play #posts");
    expect(preview.text).toContain("Saved between Aug 6, 2020 and Jun 22, 2021");
    expect(sql("select count(*) as n from links")).toEqual([{ n: 0 }]);

    const cancelled = await pressAndWait(preview, "Cancel", /nothing was imported/);
    expect(cancelled.reply_markup).toBeUndefined();
    expect(sql("select count(*) as n from links")).toEqual([{ n: 0 }]);
  });

  it("imports on Import, and the same file again adds nothing", async () => {
    const preview = await sendFile(fixture, "study-log.md");
    const imported = await pressAndWait(preview, "Import", /Imported 12 links: 12 new/);
    // Nine of the twelve have no title in the file: their pages are fetched behind live saves.
    expect(imported.text).toContain("Fetching page titles for 9 links in the background.");
    expect(sql("select count(*) as n from links where user_id = ?", USER)).toEqual([{ n: 12 }]);
    expect(sql("select count(*) as n from notes where user_id = ?", USER)).toEqual([{ n: 1 }]);
    expect(sql("select url, read_at is not null as read from links where url like '%demystified%'")).toEqual([
      { url: "https://blog.lelonek.me/elixir-on-erlang-vm-demystified-320557d09e1f", read: 1 },
    ]);

    const again = await sendFile(fixture, "study-log.md");
    expect(again.text).toContain("already saved: 12");
    const nothingNew = await pressAndWait(again, "Import", /12 links: 0 new, 0 already saved/);
    expect(nothingNew.text).not.toContain("Fetching");
    expect(sql("select count(*) as n from links")).toEqual([{ n: 12 }]);
    expect(sql("select count(*) as n from notes")).toEqual([{ n: 1 }]);
    expect(sql("select count(*) as n from link_tags")).toEqual([{ n: 13 }]);
  });

  it("makes the imported links and notes findable with /unread and /search", async () => {
    expect((await command("/unread #play", /Unread: 1/)).text).toContain("Typed Elixir structs without boilerplate");
    // "并发" (concurrency) occurs only inside the imported note.
    const found = await command("/search 并发", /1 link/);
    expect(found.text).toContain("blog.lelonek.me");
    expect(found.text).toContain("来并发执行");
    expect((await command("/search Twitter clone", /1 /)).text).toContain("Build a real-time Twitter clone");
  });

  it("exports the log as a markdown document in the log's own format", async () => {
    const since = harness.emulator.mark();
    user().command("/export md");
    const call = await harness.emulator.waitForCall("sendDocument", (c) => c.response.ok, { since });
    const document = call.response.result as Message;
    expect(document.document?.file_name).toMatch(/^linklog-\d{4}-\d{2}-\d{2}\.md$/);
    expect(document.caption).toContain("12 links");
    const text = harness.emulator.documentContent(document)!.toString("utf8");
    expect(text.startsWith("# linklog export\n")).toBe(true);
    expect(text.indexOf("- 2021-06-22")).toBeLessThan(text.indexOf("- 2020-08-30"));
    // Each link's tags end its line; the section it was under in the log is its tag.
    expect(text).toContain(
      "\n✅ https://blog.lelonek.me/elixir-on-erlang-vm-demystified-320557d09e1f #posts\n  BEAM (Bogdan/Björn's Erlang Abstract Machine)\n    the core of",
    );
    expect(text).toContain(
      "\nhttps://www.youtube.com/watch?v=MZvmYaFkNJI Build a real-time Twitter clone in 15 minutes with LiveView and Phoenix 1.5 #posts\n",
    );
    // A day's links in the order they were saved, as the log had them.
    const day = text.slice(text.indexOf("- 2020-08-06"));
    const order = ["hashrocket.com", "instrumenting-phoenix", "benchee", "metaprogramming", "youtube.com"].map((part) => day.indexOf(part));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it("imports its markdown export back with the same tags, read marks and notes", async () => {
    const since = harness.emulator.mark();
    user().command("/export md");
    const call = await harness.emulator.waitForCall("sendDocument", (c) => c.response.ok, { since });
    const preview = await sendFile(harness.emulator.documentContent(call.response.result as Message)!, "linklog.md");
    expect(preview.text).toContain("(markdown log)");
    expect(preview.text).toContain("Links: 12 · already saved: 12 · read: 1 · with notes: 1");
    expect(preview.text).toContain("Tags: #play #posts");
  });

  it("exports html, csv and json that import back as the same twelve links", async () => {
    const exported = async (format: string) => {
      const since = harness.emulator.mark();
      user().command(`/export ${format}`);
      const call = await harness.emulator.waitForCall("sendDocument", (c) => c.response.ok, { since });
      return harness.emulator.documentContent(call.response.result as Message)!;
    };
    expect((await command("/timezone asia/shanghai")).text).toContain("Time zone set to Asia/Shanghai");
    const csv = (await exported("csv")).toString("utf8");
    // A BOM for spreadsheets, and times on the user's clock with its offset.
    expect(csv.startsWith("\uFEFFurl,title,tags,saved_at,")).toBe(true);
    expect(csv).toMatch(/the-secret-behind-elixir-operator-overriding-to-a564fd6c0dd6,,posts,2021-06-2\dT\d\d:\d\d:\d\d(?:\.\d{3})?\+08:00,false,,/u);
    for (const [format, name] of [
      ["html", "Netscape bookmarks HTML"],
      ["csv", "linklog CSV"],
      ["json", "linklog JSON"],
    ]) {
      const preview = await sendFile(await exported(format!), `linklog.${format}`);
      expect(preview.text).toContain(`(${name})`);
      expect(preview.text).toContain("Links: 12 · already saved: 12 · read: 1 · with notes: 1");
    }
    expect((await command("/export pdf")).text).toContain("cannot export as “pdf”");
  });

  it("refuses a file over the size limit and forged import buttons, importing nothing", async () => {
    expect((await sendFile("x", "huge.md", 50 * 1024 * 1024)).text).toContain("too large");
    const preview = await sendFile("https://example.org/only-once", "one.txt");
    const since = harness.emulator.mark();
    user().press(preview, "imp:y:999999");
    const answer = await harness.emulator.waitForCall("answerCallbackQuery", undefined, { since });
    expect(answer.payload.text).toContain("already done or cancelled");
    expect(sql("select count(*) as n from links where url like '%only-once%'")).toEqual([{ n: 0 }]);
  });

  it("imports another service's JSON told by its shape, and answers JSON it does not know with the formats it reads", async () => {
    const wallabag = readFileSync(new URL("../fixtures/wallabag.json", import.meta.url));
    const preview = await sendFile(wallabag, "wallabag-export.json");
    expect(preview.text).toContain("wallabag-export.json (wallabag JSON)");
    expect(preview.text).toContain("Links: 2 · already saved: 0 · read: 1 · with notes: 1");
    expect(preview.text).toContain("Tags: #databases #sqlite #中文排版");
    await pressAndWait(preview, "Import", /Imported 2 links: 2 new/);
    expect(sql("select url, read_at is not null as read from links where url like '%antonz%' or url like '%sparanoid%' order by url")).toEqual([
      { url: "https://antonz.org/sqlite-is-not-a-toy-database/", read: 1 },
      { url: "https://github.com/sparanoid/chinese-copywriting-guidelines", read: 0 },
    ]);
    expect(sql("select text from notes where text like '%window functions%'")).toEqual([
      { text: "> SQLite supports window functions\n\nWindow functions work here too." },
    ]);

    const unknown = await sendFile('{"name": "my-package", "version": "1.0.0"}', "package.json");
    expect(unknown.text).toContain("I found no links in package.json (JSON)");
    expect(unknown.text).toContain(
      "Linkwarden, Karakeep (Hoarder), Omnivore, wallabag, Pinboard, Chrome bookmarks, Firefox bookmarks, Telegram Desktop (result.json))",
    );
  });
});
