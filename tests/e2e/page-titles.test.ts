import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFile, eventually } from "../support/bot-process.js";
import { button, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { appHarness } from "../support/harness.js";
import { respond, serveLocally, type LocalServer } from "../support/local-server.js";

const ESSAY = `<!doctype html><html><head><title>Reductions &amp; Schedulers, Explained</title></head><body>An essay.</body></html>`;

const PAGE = `<!doctype html><html lang="en"><head>
<meta property="og:title" content="Preemptive Scheduling in the BEAM &amp; You">
<meta property="og:site_name" content="Erlang Notes">
<title>ignored because og:title wins</title></head>
<body><article>${"The scheduler gives every process a budget of reductions. ".repeat(60)}</article></body></html>`;

/** A saved link's page title, fetched in the background from a page served on 127.0.0.1. */
describe("page titles, end to end", () => {
  let site: LocalServer;
  beforeAll(async () => {
    site = await serveLocally({ "/beam": respond(PAGE), "/gone": (_request, response) => response.writeHead(404).end(), "/essay": respond(ESSAY) });
  });
  afterAll(async () => site.close());

  // Reaching 127.0.0.1 is allowed only through this test-only setting.
  const harness = appHarness({ FETCH_ALLOW_PRIVATE: "true" });
  const { user, command } = chatSession(harness, { id: 7001, first_name: "Ada" });
  const { all: sql } = databaseFile(() => harness.databasePath);

  it("shows the fetched title in the save confirmation, in lists and in search", async () => {
    let since = harness.emulator.mark();
    user().sendText(`${site.origin}/beam`);
    const question = await nextMessage(harness.emulator, 7001, since, TAG_QUESTION);
    since = harness.emulator.mark();
    user().press(question, button(question, "Skip").callback_data);
    // Either the Skip answer or the title arriving afterwards edits the confirmation to carry the (escaped) title.
    await nextEdit(harness.emulator, question, since, /Preemptive Scheduling in the BEAM &amp; You/);

    expect((await command("/unread", /Unread: 1/)).text).toContain("Preemptive Scheduling in the BEAM & You");
    expect((await command("/search preemptive", /1 link/)).text).toContain("Preemptive Scheduling");
    expect(sql("select title_source, site_name, reading_minutes > 0 as timed from links")).toEqual([
      { title_source: "page", site_name: "Erlang Notes", timed: 1 },
    ]);
  });

  it("puts the page's title over the words a link came with, keeps those words as a note, and never replaces a /title", async () => {
    let since = harness.emulator.mark();
    user().sendText(`这个讲得好 ${site.origin}/beam?copy=2`);
    const question = await nextMessage(harness.emulator, 7001, since, TAG_QUESTION);
    since = harness.emulator.mark();
    user().press(question, button(question, "Skip").callback_data);
    // Whichever comes first, the skip or the title, the confirmation ends up showing the page's title.
    await nextEdit(harness.emulator, question, since, /Preemptive Scheduling in the BEAM/);
    const [link] = sql<{ id: number }>("select id from links where url like '%copy=2%'");
    const fetched = await eventually(
      () => sql<{ title: string; title_source: string }>("select title, title_source from links where id = ? and fetched_title is not null", link!.id)[0],
      "the page to be fetched",
    );
    expect(fetched).toEqual({ title: "Preemptive Scheduling in the BEAM & You", title_source: "page" });
    expect(sql("select text, captured from notes where link_id = ?", link!.id)).toEqual([{ text: "这个讲得好", captured: 1 }]);
    expect((await command("/search 讲得好", /1 link/)).text).toContain("Preemptive Scheduling");

    expect((await command(`/title ${link!.id} Better words`)).text).toContain("Title set: Better words");
    expect(sql("select title from links where id = ?", link!.id)).toEqual([{ title: "Better words" }]);
    await command(`/refetch ${link!.id}`);
    await eventually(() => site.requests.filter((request) => request.url === "/beam?copy=2").length === 2, "the second fetch");
    await eventually(
      () => sql<{ fetch_status: string }>("select fetch_status from links where id = ?", link!.id)[0]?.fetch_status === "done",
      "the refetch to finish",
    );
    expect(sql("select title from links where id = ?", link!.id)).toEqual([{ title: "Better words" }]);

    expect((await command(`/title ${link!.id} -`)).text).toContain("page's title again");
    expect(sql("select title, title_source from links where id = ?", link!.id)).toEqual([
      { title: "Preemptive Scheduling in the BEAM & You", title_source: "page" },
    ]);
  });

  it("asks for a title on /title N alone and takes the next message as it; a command instead ends the prompt", async () => {
    const [link] = sql<{ id: number }>("select id from links where url like '%copy=2%'");
    let since = harness.emulator.mark();
    const asked = await command(`/title ${link!.id}`, /Send me the new title/);
    expect(asked.text).toContain("Preemptive Scheduling in the BEAM & You");
    // The prompt is sent from inside a conversation, whose Api is not bot.api: HTML comes from the reply defaults
    // installed through the plugin's `plugins` option, with previews off like every other reply.
    const sentAsHtml = (pattern: RegExp) => harness.emulator.callsOf("sendMessage", since).find((call) => pattern.test(String(call.payload.text)))?.payload;
    expect(sentAsHtml(/Send me the new title/)).toMatchObject({ parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    since = harness.emulator.mark();
    user().sendText("  Scheduling,\n  explained  ");
    expect((await nextMessage(harness.emulator, 7001, since, /Title set/)).text).toBe("Title set: Scheduling, explained");
    expect(sentAsHtml(/Title set/)).toMatchObject({ parse_mode: "HTML" });
    expect(sql("select title, title_source from links where id = ?", link!.id)).toEqual([{ title: "Scheduling, explained", title_source: "user" }]);

    await command(`/title ${link!.id}`, /Send me the new title/);
    since = harness.emulator.mark();
    user().command("/unread");
    await nextMessage(harness.emulator, 7001, since, /Unread/);
    expect(sql("select title from links where id = ?", link!.id)).toEqual([{ title: "Scheduling, explained" }]);

    await command(`/title ${link!.id}`, /Send me the new title/);
    since = harness.emulator.mark();
    user().sendText(`${site.origin}/beam?copy=3 not a title but a link`);
    await nextMessage(harness.emulator, 7001, since, TAG_QUESTION);
    expect(sql("select title from links where id = ?", link!.id)).toEqual([{ title: "Scheduling, explained" }]);
    await command("/cancel");

    await command(`/title ${link!.id}`, /Send me the new title/);
    expect((await command("/cancel")).text).toBe("Cancelled. Your links stay saved.");
    since = harness.emulator.mark();
    user().sendText("not a title");
    await nextMessage(harness.emulator, 7001, since);
    expect(sql("select title from links where id = ?", link!.id)).toEqual([{ title: "Scheduling, explained" }]);
  });

  it("drops the words a link came with when they only repeat its page's title", async () => {
    let since = harness.emulator.mark();
    user().sendText(`Reductions & Schedulers, Explained – Essays ${site.origin}/essay?shared=1`);
    const question = await nextMessage(harness.emulator, 7001, since, TAG_QUESTION);
    since = harness.emulator.mark();
    user().press(question, button(question, "Skip").callback_data);
    await nextEdit(harness.emulator, question, since, /no tags/);
    const [link] = sql<{ id: number }>("select id from links where url like '%shared=1%'");
    await eventually(() => sql("select id from links where id = ? and title_source = 'page'", link!.id).length === 1, "the page title");
    expect(sql("select text from notes where link_id = ?", link!.id)).toEqual([]);
  });

  it("keeps the provisional title of a page that fails, and /refetch tries again", async () => {
    let since = harness.emulator.mark();
    user().sendText(`${site.origin}/gone Notes on a vanished page`);
    const question = await nextMessage(harness.emulator, 7001, since, TAG_QUESTION);
    since = harness.emulator.mark();
    user().press(question, button(question, "Skip").callback_data);
    await nextEdit(harness.emulator, question, since, /no tags/);
    const [link] = sql<{ id: number }>("select id from links where url like '%/gone%'");
    const failedOnce = () => sql("select title, fetch_status, fetch_attempts from links where id = ?", link!.id)[0];
    await eventually(() => (failedOnce() as { fetch_status: string }).fetch_status === "failed", "the 404 to be recorded");
    expect(failedOnce()).toEqual({ title: "Notes on a vanished page", fetch_status: "failed", fetch_attempts: 1 });

    since = harness.emulator.mark();
    const answer = await command(`/refetch ${link!.id}`);
    expect(answer.text).toBe("⏳ Fetching the page again…");
    // The answer is edited when the second try ends, with the reason it failed.
    expect((await nextEdit(harness.emulator, answer, since)).text).toContain("the page is not there any more (404)");
    await eventually(() => (failedOnce() as { fetch_status: string }).fetch_status === "failed", "the second try to be recorded");
    expect(site.requests.filter((request) => request.url === "/gone")).toHaveLength(2);
  });

  it("fetches the titles of imported links in the background, and says so after the import", async () => {
    const log = `# Imported\n\n- 2026-11-20\n\n${site.origin}/essay\n`;
    const file = harness.emulator.addFile(log, "study-log.md");
    const since = harness.emulator.mark();
    user().sendCaptioned("document", "", { document: { ...file, file_name: "study-log.md", mime_type: "text/markdown" } });
    const preview = await nextMessage(harness.emulator, 7001, since, /Links: 1/);

    const pressed = harness.emulator.mark();
    user().press(preview, button(preview, "Import").callback_data);
    const done = await nextEdit(harness.emulator, preview, pressed, /✅ Imported/);
    expect(done.text).toContain("1 new");
    expect(done.text).toContain("Fetching the page title for 1 link in the background.");
    await eventually(() => sql("select id from links where title = ?", "Reductions & Schedulers, Explained").length === 1, "the imported link's page title");
    expect((await command("/unread", /Unread: /)).text).toContain("Reductions & Schedulers, Explained");
  });
});
