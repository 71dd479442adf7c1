import { describe, expect, it } from "vitest";
import { botHarness } from "../support/harness.js";
import { eventually, readDatabase, startBot } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, TAG_QUESTION } from "../support/chat.js";
import { englishDate } from "../support/dates.js";

const ELIXIR = "https://ejpcmac.net/blog/typed-elixir-structs-without-boilerplate/";

describe("capture and tagging, end to end through the Bot API emulator", () => {
  const harness = botHarness();
  const db = () => readDatabase(harness.databasePath);

  const user = () => harness.emulator.user({ id: 1001, first_name: "Ada" });

  it("registers its commands for the / menu on start-up, without those that need a link's number", () => {
    const [call] = harness.emulator.callsOf("setMyCommands");
    expect(call?.payload.commands.map((c: { command: string }) => c.command)).toEqual([
      "start",
      "help",
      "unread",
      "queue",
      "read",
      "today",
      "search",
      "notes",
      "note",
      "tags",
      "stats",
      "digest",
      "timezone",
      "language",
      "import",
      "export",
      "cancel",
    ]);
  });

  it("greets on /start and lists every command on /help", async () => {
    let since = harness.emulator.mark();
    user().command("/start");
    expect((await nextMessage(harness.emulator, 1001, since)).text).toContain("Send or forward me messages with links");
    since = harness.emulator.mark();
    user().command("/help");
    const help = await nextMessage(harness.emulator, 1001, since);
    for (const command of [
      "/start",
      "/help",
      "/unread",
      "/queue",
      "/next",
      "/read",
      "/today",
      "/search",
      "/notes",
      "/note",
      "/tags",
      "/link",
      "/title",
      "/refetch",
      "/digest",
      "/timezone",
      "/language",
      "/import",
      "/export",
      "/cancel",
    ]) {
      expect(help.text).toContain(command);
    }
  });

  it("saves a forwarded channel post's link with its title and source, then stores typed tags", async () => {
    let since = harness.emulator.mark();
    user().forward(`${ELIXIR}?utm_source=telegram ejpcmac.net/blog - Typed Elixir structs without boilerplate`, {
      type: "channel",
      date: 1,
      message_id: 7,
      chat: { id: -100123, type: "channel", title: "Elixir Weekly", username: "elixirweekly" },
    });
    const question = await nextMessage(harness.emulator, 1001, since, TAG_QUESTION);
    expect(question.text).toContain("Typed Elixir structs without boilerplate");
    expect(buttonsOf(question).map((b) => b.text)).toEqual(["Skip", "Done"]);

    since = harness.emulator.mark();
    user().sendText("#Elixir, beam");
    const confirmation = await nextEdit(harness.emulator, question, since);
    expect(confirmation.text).toContain("Tags: #beam #elixir");
    expect(confirmation.reply_markup).toBeUndefined();

    const read = db();
    expect(read.get("select url, title, source from links")).toEqual({
      url: ELIXIR,
      title: "ejpcmac.net/blog - Typed Elixir structs without boilerplate",
      source: "Elixir Weekly (@elixirweekly)",
    });
    read.close();
  });

  it("offers recent tags as toggle buttons and saves the toggled ones on Done", async () => {
    let since = harness.emulator.mark();
    user().sendText("Two at once: https://elixirforum.com/t/1873 and https://hexdocs.pm/elixir/Kernel.html");
    const question = await nextMessage(harness.emulator, 1001, since, TAG_QUESTION);
    expect(question.text).toContain("Saved 2 links");
    expect(buttonsOf(question).map((b) => b.text)).toEqual(["#beam", "#elixir", "Skip", "Done"]);

    since = harness.emulator.mark();
    user().press(question, button(question, "#elixir").callback_data);
    const toggled = await harness.emulator.waitForCall("editMessageReplyMarkup", (c) => c.response.ok, { since });
    expect(buttonsOf(toggled.response.result).map((b) => b.text)).toEqual(["#beam", "✅ #elixir", "Skip", "Done"]);
    expect(harness.emulator.callsOf("answerCallbackQuery", since)).toHaveLength(1);

    since = harness.emulator.mark();
    user().press(toggled.response.result, button(toggled.response.result, "Done").callback_data);
    expect((await nextEdit(harness.emulator, question, since)).text).toContain("Tags: #elixir");

    const read = db();
    const tagged = read.all<{ url: string; name: string }>(
      "select links.url, tags.name from links join link_tags on link_id = links.id join tags on tags.id = tag_id where links.url like '%elixir%' and links.url not like '%ejpcmac%' order by url",
    );
    read.close();
    expect(tagged).toEqual([
      { url: "https://elixirforum.com/t/1873", name: "elixir" },
      { url: "https://hexdocs.pm/elixir/Kernel.html", name: "elixir" },
    ]);
  });

  it("leaves a link untagged on Skip", async () => {
    let since = harness.emulator.mark();
    user().sendText("https://hashrocket.com/blog/posts/build-the-ultimate-elixir-ci-with-github-actions");
    const question = await nextMessage(harness.emulator, 1001, since, TAG_QUESTION);
    since = harness.emulator.mark();
    user().press(question, button(question, "Skip").callback_data);
    const skipped = await nextEdit(harness.emulator, question, since);
    expect(skipped.text).toContain("Saved · no tags");
    expect(buttonsOf(skipped).map((b) => b.text)).toEqual(["🏷 Tag"]);
  });

  it("recognises a link sent again, says when it was saved, and never stores it twice", async () => {
    const since = harness.emulator.mark();
    user().sendText(`http://EJPCMAC.net/blog/typed-elixir-structs-without-boilerplate?fbclid=abc#comments`);
    const reply = await nextMessage(harness.emulator, 1001, since, /Already saved/);
    const today = new Date().toISOString().slice(0, 10);
    expect(reply.text).toContain(`Already saved on ${englishDate(today)}`);
    expect(reply.text).toContain("Tags: #beam #elixir");
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(["Re-tag"]);
    const read = db();
    expect(read.get("select count(*) as n from links where url_key like '%ejpcmac%'")).toEqual({ n: 1 });
    read.close();
  });

  it("continues an open tag question after the bot is killed and restarted", async () => {
    let since = harness.emulator.mark();
    const duplicate = await nextMessage(harness.emulator, 1001, 0, /Already saved/);
    user().press(duplicate, button(duplicate, "Re-tag").callback_data);
    const question = await nextMessage(harness.emulator, 1001, since, TAG_QUESTION);
    expect(buttonsOf(question).map((b) => b.text)).toEqual(["✅ #beam", "✅ #elixir", "Skip", "Done"]);

    const read = db();
    await eventually(
      () => read.get("select id from tag_questions where status = 'open' and retag = 1 and message_id is not null"),
      "the open question to be stored",
    );
    // And the press that asked it handled to the end: an update cut short by the kill would be handled again only
    // once its lease runs out (a test of its own, inbox-kill), holding the chat's next update until then.
    await eventually(() => read.get<{ n: number }>("select count(*) as n from update_inbox where done_at is null")?.n === 0, "the press marked done");
    read.close();
    await harness.bot.stop("SIGKILL");
    harness.bot = await startBot(harness.emulator, harness.databasePath);

    since = harness.emulator.mark();
    user().sendText("otp");
    expect((await nextEdit(harness.emulator, question, since)).text).toContain("Tags: #beam #elixir #otp");
    const after = db();
    expect(
      after.all("select name from tags join link_tags on tag_id = tags.id join links on links.id = link_id where url_key like '%ejpcmac%' order by name"),
    ).toEqual([{ name: "beam" }, { name: "elixir" }, { name: "otp" }]);
    expect(after.all("select status from tag_questions where retag = 1")).toEqual([{ status: "done" }]);
    after.close();
  });
});
