import { beforeAll, describe, expect, it } from "vitest";
import { eventually, readDatabase } from "../support/bot-process.js";
import { buttonsOf } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { appHarness } from "../support/harness.js";

const ADA = 5001;

/** /search, end to end through the Bot API emulator. */
describe("search, end to end", () => {
  const harness = appHarness();
  const ada = chatSession(harness, { id: ADA, first_name: "Ada" });

  beforeAll(async () => {
    await ada.save("https://ejpcmac.net/blog/typed-elixir-structs Typed Elixir structs without boilerplate", "elixir beam");
    await ada.save("https://os.example.org/scheduling 操作系统进程调度", "");
    await ada.save("https://blog.example.org/async Async Rust in practice", "rust");
    await ada.save("https://example.org/markup Tom & Jerry <b>cartoons</b>", "");
    const lectures = Array.from({ length: 9 }, (_, i) => `https://uni.example.org/lecture/${i + 1} Lecture ${i + 1} on schedulers`);
    await ada.save(lectures.join("\n"), "");
  });

  it("explains itself when given nothing to search", async () => {
    expect((await ada.command("/search")).text).toContain("finds your links by the words in their title, address, tags and notes");
    expect((await ada.command("/search ***")).text).toContain("finds your links by the words");
  });

  it("finds a link by an English word, with its tags and a ✅ button", async () => {
    const results = await ada.command("/search ELIXIR");
    expect(results.text).toContain("🔎 1 link for “ELIXIR”");
    expect(results.text).toContain("1. Typed Elixir structs without boilerplate");
    expect(results.text).toContain("ejpcmac.net · #beam #elixir · /link_");
    expect(results.link_preview_options?.is_disabled).toBe(true);
    expect(buttonsOf(results).map((b) => b.text)).toEqual(["✅ 1"]);
  });

  it("finds a Chinese word inside a longer title", async () => {
    const results = await ada.command("/search 进程");
    expect(results.text).toContain("1. 操作系统进程调度");
    expect(results.text).not.toContain("Elixir");
  });

  it("finds links by #tag only in their tags", async () => {
    const results = await ada.command("/search #rust");
    expect(results.text).toContain("Async Rust in practice");
    expect(results.text).not.toContain("Elixir");
    expect((await ada.command("/search #async")).text).toContain("Nothing found");
  });

  it("shows markup in a title as text", async () => {
    const results = await ada.command("/search cartoons");
    expect(results.text).toContain("Tom & Jerry <b>cartoons</b>");
  });

  it("suggests what to try when nothing matches", async () => {
    const reply = await ada.command("/search quantum chromodynamics");
    expect(reply.text).toContain("Nothing found for “quantum chromodynamics”");
    expect(reply.text).toContain("Try fewer words");
    expect(reply.reply_markup).toBeUndefined();
  });

  it("treats search syntax in the input as plain words", async () => {
    const since = harness.emulator.mark();
    expect((await ada.command('/search "unbalanced ( AND * -x NEAR')).text).toContain('Nothing found for “"unbalanced ( AND * -x NEAR”');
    // "-" negates and ":" filters a column in FTS5; here they are only punctuation around words the title has.
    expect((await ada.command('/search (elixir* -structs:)"')).text).toContain("Typed Elixir structs");
    const replies = harness.emulator.callsOf("sendMessage", since).map((call) => String(call.payload.text));
    expect(replies.filter((text) => text.includes("went wrong"))).toEqual([]);
  });

  it("searches a repeated word once, and says when words were left out", async () => {
    const repeated = await ada.command(`/search ${Array(40).fill("#rust").join(" ")}`);
    expect(repeated.text).toContain("Async Rust in practice");
    expect(repeated.text).not.toContain("Only the start was searched");
    const many = await ada.command("/search elixir typed structs without boilerplate ejpcmac blog net typed extra words");
    expect(many.text).toContain("1 link for");
    expect(many.text).toContain("Only the start was searched: 8 different words at most, within the first 256 characters.");
    const long = await ada.command(`/search ${Array(1000).fill("#rust").join(" ")}`);
    expect(long.text).toContain("Async Rust in practice");
    expect(long.text).toContain("Only the start was searched");
  });

  it("shows 8 results a page and turns the page in place", async () => {
    const first = await ada.command("/search schedulers", /9 links/);
    expect(buttonsOf(first).map((b) => b.text)).toEqual(["✅ 1", "✅ 2", "✅ 3", "✅ 4", "✅ 5", "✅ 6", "✅ 7", "✅ 8", "1/2", "▶"]);
    const second = await ada.press(first, "▶");
    expect(second.text).toMatch(/\n9\. Lecture \d on schedulers/);
    expect(buttonsOf(second).map((b) => b.text)).toEqual(["✅ 9", "◀", "2/2"]);
  });

  it("marks a result read with ✅, editing the results in place", async () => {
    const results = await ada.command("/search elixir");
    const edited = await ada.press(results, "✅ 1");
    expect(edited.text).toContain("1. ✅ Typed Elixir structs");
    expect(buttonsOf(edited).map((b) => b.text)).toEqual(["↩️ 1"]);
    const db = readDatabase(harness.databasePath);
    try {
      const read = await eventually(
        () => db.get<{ read_at: number | null }>("select read_at from links where url like '%typed-elixir%'")?.read_at,
        "read_at to be set",
      );
      expect(read).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
