import { describe, expect, it } from "vitest";
import { databaseFile } from "../support/bot-process.js";
import { button, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { appHarness } from "../support/harness.js";

/** Input a hostile or careless user sends: every time a clear answer, no error, nothing half-stored. */
describe("bad input, end to end", () => {
  const harness = appHarness();
  const { user, command } = chatSession(harness, { id: 9001, first_name: "Mallory" });
  const { all: sql } = databaseFile(() => harness.databasePath);

  async function saveAndSkip(text: string) {
    let since = harness.emulator.mark();
    user().sendText(text);
    const question = await nextMessage(harness.emulator, 9001, since, TAG_QUESTION);
    since = harness.emulator.mark();
    user().press(question, button(question, "Skip").callback_data);
    return await nextEdit(harness.emulator, question, since, /no tags/);
  }

  it("saves every one of 120 links in a 4096-character message, and its reply stays within Telegram's limits", async () => {
    const links = Array.from({ length: 120 }, (_, i) => `https://e.org/${i}`);
    const text = links.join(" ").slice(0, 4096);
    const confirmation = await saveAndSkip(text);
    const saved = sql<{ n: number }>("select count(*) as n from links where user_id = 9001")[0]!.n;
    expect(saved).toBe(text.split(" ").filter((word) => /^https:\/\/e\.org\/\d+$/.test(word)).length);
    expect(saved).toBeGreaterThan(100);
    expect(confirmation.text).toContain(`Saved ${saved} links`);
  });

  it("keeps a 10,000-character URL, IDN and punycode hosts, and text in other scripts around links", async () => {
    const long = `https://example.org/${"a".repeat(10_000)}`;
    await saveAndSkip(`${long}\nhttps://bücher.example/straße مرحبا https://xn--bcher-kva.example/ok\n👩‍👩‍👧 e\u0301 https://例子.测试/路径`);
    const urls = sql<{ url: string }>("select url from links where user_id = 9001 and id > 120 order by id").map((row) => row.url);
    expect(urls).toHaveLength(4);
    expect(urls[0]).toHaveLength(long.length);
    expect(urls.slice(1)).toEqual([
      "https://xn--bcher-kva.example/stra%C3%9Fe",
      "https://xn--bcher-kva.example/ok",
      "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84",
    ]);
  });

  it("refuses a hidden link whose address has spaces, and reads a typed one up to its first space", async () => {
    const since = harness.emulator.mark();
    user().sendText("my notes", { entities: [{ type: "text_link", offset: 0, length: 8, url: "https://example.org/my notes/a b.pdf" }] });
    await nextMessage(harness.emulator, 9001, since, /found no links/);
    await saveAndSkip("https://example.org/report 2026.pdf");
    const saved = sql<{ url: string; title: string }>(
      "select url, title from links where user_id = 9001 and (url like '%/report%' or url like '%/my%') order by id",
    );
    expect(saved).toEqual([{ url: "https://example.org/report", title: "2026.pdf" }]);
  });

  it("does not save javascript: or data: links, and says so", async () => {
    const since = harness.emulator.mark();
    user().sendText("click", { entities: [{ type: "text_link", offset: 0, length: 5, url: "javascript:alert(1)" }] });
    await nextMessage(harness.emulator, 9001, since, /found no links/);
    const again = harness.emulator.mark();
    user().sendText("data:text/html,<script>alert(1)</script>");
    await nextMessage(harness.emulator, 9001, again, /found no links/);
  });

  it("shows titles and notes with markup as text", async () => {
    const confirmation = await saveAndSkip("https://e.org/xss <b>x</b><i>y</i> & <a href=z>w</a>");
    // Visible as typed: had it not been escaped, Telegram would have turned it into formatting.
    // (A provisional title loses the unmatched ">" at its end, as it would lose a stray bracket.)
    expect(confirmation.text).toContain("<b>x</b><i>y</i> & <a href=z>w</a");
    const found = await command("/search xss", /1 link/);
    expect(found.text).toContain("<b>x</b><i>y</i> & <a href=z>w</a");
  });

  it("answers absurd command arguments with usage, not errors", async () => {
    expect((await command(`/unread ${Array.from({ length: 500 }, (_, i) => `#t${i}`).join(" ")}`)).text).toMatch(/No unread links tagged|Unread/);
    expect((await command("/digest 25:99")).text).toContain("I do not understand “25:99”");
    expect((await command("/timezone Mars/Olympus")).text).toContain("not a time zone I know");
    expect((await command("/link 99999999999999")).text).toContain("No link 99999999999999 in your log.");
    expect((await command("/today 9999-99-99")).text).toContain("not a day I know");
    expect((await command("/tags rename")).text).toContain("/tags rename old new");
  });

  it("answers a reply to a message that is about no link with why it is no note and how to add one", async () => {
    const hint = await command("/help");
    const since = harness.emulator.mark();
    user().reply(hint, "just a thought");
    const answer = await nextMessage(harness.emulator, 9001, since, /not saved as a note/);
    expect(answer.text).toContain("reply to the message that saved the link");
    expect(answer.text).toContain("/note your text");
    // Only the words links were saved with are notes.
    expect(sql("select count(*) as n from notes where captured = 0")).toEqual([{ n: 0 }]);
  });
});
