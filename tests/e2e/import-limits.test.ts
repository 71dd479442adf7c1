import type { Message } from "@grammyjs/types";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { databaseFile, readDatabase } from "../support/bot-process.js";
import { button } from "../support/chat.js";
import type { Emulator } from "../../src/emulator/index.js";
import { botHarness } from "../support/harness.js";

const ADA = 6101;
const BOB = 6102;
const MAX_LINKS = 20_000;
// Imports of this size take seconds to write, long enough for another user's file to arrive meanwhile.
const BIG_LOG = Array.from({ length: MAX_LINKS + 5 }, (_, i) => `https://example.org/p${i} Page ${i}\n`).join("");
const SLOW = { timeoutMs: 60_000 };

async function sent(emulator: Emulator, chatId: number, since: number, text: RegExp, opts = {}): Promise<Message> {
  const call = await emulator.waitForCall("sendMessage", (c) => c.response.ok && Number(c.payload.chat_id) === chatId && text.test(String(c.payload.text)), {
    since,
    ...opts,
  });
  return call.response.result as Message;
}

async function edited(emulator: Emulator, message: Message, since: number, text: RegExp, opts = {}): Promise<Message> {
  const call = await emulator.waitForCall(
    "editMessageText",
    (c) => c.response.ok && Number(c.payload.message_id) === message.message_id && text.test(String(c.payload.text)),
    { since, ...opts },
  );
  return call.response.result as Message;
}

/** What a user can throw at the import: hostile lines, bombs, more links than the cap, several imports at once, failures. */
describe("import limits, end to end", { timeout: 120_000 }, () => {
  const harness = botHarness({ IMPORT_MAX_LINKS: String(MAX_LINKS) });
  const { all: sql } = databaseFile(() => harness.databasePath);
  const user = (id: number) => harness.emulator.user({ id, first_name: id === ADA ? "Ada" : "Bob" });

  function sendFile(id: number, content: Buffer | string | Uint8Array, fileName: string): number {
    const file = harness.emulator.addFile(Buffer.from(content), fileName);
    const since = harness.emulator.mark();
    user(id).sendCaptioned("document", "", { document: { ...file, file_name: fileName, mime_type: "text/plain", file_size: file.file_size } });
    return since;
  }

  function press(id: number, message: Message, label: string): number {
    const since = harness.emulator.mark();
    user(id).press(message, button(message, label).callback_data);
    return since;
  }

  it("previews an 8 KiB markdown file of backtracking bait within a second", async () => {
    const hostile = [
      `# a${" ".repeat(8000)}x`,
      `https://example.org/bait${" ".repeat(2000)}\r title`,
      `✅${" ".repeat(2000)}\u2028`,
      "https://example.org/fine",
    ].join("\n");
    const start = Date.now();
    const preview = await sent(harness.emulator, ADA, sendFile(ADA, hostile, "bait.md"), /bait\.md/);
    const elapsed = Date.now() - start;
    console.log(`hostile 8 KiB log previewed in ${elapsed} ms`);
    expect(elapsed).toBeLessThan(1000);
    expect(preview.text).toContain("Links: 2");
  });

  it("refuses a zip bomb that would unpack far past the upload limit, and keeps serving", async () => {
    const bomb = zipSync({ "part.csv": new Uint8Array(99 * 1024 * 1024).fill(44) });
    const refusal = await sent(harness.emulator, ADA, sendFile(ADA, bomb, "pocket.zip"), /zip/, SLOW);
    expect(refusal.text).toContain("the zip unpacks to over 100 times its size; nothing was imported");
    const preview = await sent(harness.emulator, ADA, sendFile(ADA, "https://example.org/after-the-bomb", "after.txt"), /after\.txt/);
    expect(preview.text).toContain("Links: 1");
  });

  it("reads only the first links of a file over the cap and says so in the preview", async () => {
    const preview = await sent(harness.emulator, ADA, sendFile(ADA, BIG_LOG, "big.md"), /big\.md/, SLOW);
    expect(preview.text).toContain(`Links: ${MAX_LINKS.toLocaleString("en")}`);
    expect(preview.text).toContain(`more than ${MAX_LINKS.toLocaleString("en")} links: only the first ${MAX_LINKS.toLocaleString("en")} are read`);
  });

  it("reads two files sent at once one after the other: the second user is told to wait, and both are served", async () => {
    const adaSent = sendFile(ADA, BIG_LOG, "big.md");
    const bobSent = sendFile(BOB, "https://example.org/bob", "bob.txt");
    const waiting = await sent(harness.emulator, BOB, bobSent, /Another import is being read; yours is next/, SLOW);
    const adaPreview = await sent(harness.emulator, ADA, adaSent, /big\.md/, SLOW);
    const bobPreview = await sent(harness.emulator, BOB, bobSent, /bob\.txt/, SLOW);
    expect(bobPreview.text).toContain("Links: 1");
    // Bob's file is fetched only once Ada's preview is out: one file read at a time.
    const calls = harness.emulator.calls.slice(adaSent);
    const adaPreviewAt = calls.findIndex((c) => c.method === "sendMessage" && String(c.payload.text).includes("big.md"));
    const fetches = calls.flatMap((c, at) => (c.method === "getFile" ? [at] : []));
    expect(fetches).toHaveLength(2);
    expect(fetches[0]).toBeLessThan(adaPreviewAt);
    expect(fetches[1]).toBeGreaterThan(adaPreviewAt);
    expect(waiting.message_id).toBeLessThan(bobPreview.message_id);

    const adaPressed = press(ADA, adaPreview, "Import");
    const bobPressed = press(BOB, bobPreview, "Import");
    await edited(harness.emulator, adaPreview, adaPressed, /Imported/, SLOW);
    await edited(harness.emulator, bobPreview, bobPressed, /Imported/, SLOW);
    expect(sql("select count(*) as n from links where user_id = ?", ADA)).toEqual([{ n: MAX_LINKS }]);
    expect(sql("select count(*) as n from links where user_id = ?", BOB)).toEqual([{ n: 1 }]);
  });

  it("tells the user when the import fails, and saves nothing", async () => {
    const preview = await sent(harness.emulator, BOB, sendFile(BOB, "https://example.org/doomed\nhttps://example.org/doomed-too", "doomed.txt"), /doomed\.txt/);
    // The database refuses every new link, as a full disk or a broken file would.
    const stage = readDatabase(harness.databasePath, { writable: true });
    stage.run("create trigger refuse_links before insert on links begin select raise(abort, 'refused for the test'); end");
    try {
      const failed = await edited(harness.emulator, preview, press(BOB, preview, "Import"), /import failed/);
      expect(failed.text).toContain("nothing was saved");
    } finally {
      stage.run("drop trigger refuse_links");
      stage.close();
    }
    expect(sql("select count(*) as n from links where url like '%doomed%'")).toEqual([{ n: 0 }]);
    expect(harness.bot.process.exitCode).toBeNull();
  });
});
