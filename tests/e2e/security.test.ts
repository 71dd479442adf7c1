import { createServer } from "node:net";
import type { Chat, Message, Update, User } from "@grammyjs/types";
import { beforeAll, describe, expect, it } from "vitest";
import { csvRecords } from "../../src/portable/csv.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { databaseFile, eventually } from "../support/bot-process.js";
import { button, buttonsOf, nextEdit, nextMessage, SETTLED, TAG_QUESTION } from "../support/chat.js";
import { detectUrlEntities, type EmulatedUser, type NewUpdate, type RecordedCall } from "../../src/emulator/index.js";
import { botHarness } from "../support/harness.js";

const ADA = 7101;
const BOB = 7102;
const MALLORY = 7666;
const GROUP = -100_7666;

const PRIVATE = /this linklog is private/;
const NOT_YOURS = /not in your log any more/;
// What a typed number of no link of the user's gets: the same for another's link as for one that never was.
const NO_SUCH = /No link \d+ in your log/;
const FAILED = /something went wrong/;

// What Ada keeps to herself: her titles, her URLs (all under one path) and her note.
const ADA_SECRETS = ["Ada secret alpha", "Ada secret beta", "127.0.0.1:9/ada-", "Ada private note"];

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
const healthPort = await freePort();
const webhookPort = await freePort();

/** Issue 7: who may reach the bot, whose data they reach, and what leaves the bot (token, CSV cells). */
const harness = botHarness({
  ALLOWED_USER_IDS: `${ADA},${BOB}`,
  // Trace logs give the token every chance to leak, and their "update handled" lines mark each update's end.
  LOG_LEVEL: "trace",
  PORT: String(healthPort),
  TELEGRAM_RETRY_BASE_MS: "1",
  // The digest scheduler stays out of the way of row snapshots for the length of the file.
  DIGEST_TICK_SECONDS: "60",
});
const { all: sql } = databaseFile(() => harness.databasePath);
const ada = () => harness.emulator.user({ id: ADA, first_name: "Ada" });
const bob = () => harness.emulator.user({ id: BOB, first_name: "Bob" });
const mallory = () => harness.emulator.user({ id: MALLORY, first_name: "Mallory" });
const privateChat = (user: EmulatedUser): Chat.PrivateChat => ({ id: user.chatId, type: "private", first_name: user.from.first_name });

// Messages a client could never send (someone else's chat, no sender): pushed as raw updates, far above real ids.
let forgedIds = 900_000;
function forged(chat: Chat, text: string, from?: User, extra: Partial<Message> = {}): Message {
  const command = /^\/\w+/.exec(text)?.[0];
  const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command.length }] : detectUrlEntities(text);
  return {
    message_id: ++forgedIds,
    date: Math.floor(Date.now() / 1000),
    chat,
    ...(from ? { from } : {}),
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...extra,
  } as Message;
}

/**
 * Runs a user's action and returns the id of the one update it pushed. Ids are sequential; an update of no
 * kind is never delivered (the bot asks for messages, edits and callbacks only) but shows where the count is.
 */
function pushed(action: () => unknown): number {
  const before = harness.emulator.pushUpdate({} as NewUpdate).update_id;
  action();
  return before + 1;
}

/** The bot logs "update handled" (or "update failed") at the end of each update: from then on its effects are visible. */
async function handled(updateId: number): Promise<void> {
  const ended = (line: string) => {
    if (!line.includes(`"update_id":${updateId}`)) return false;
    const entry = JSON.parse(line) as { update_id?: number; msg?: string };
    return entry.update_id === updateId && /^update (handled|failed)/.test(entry.msg ?? "");
  };
  await eventually(() => harness.bot.output().split("\n").some(ended), `update ${updateId} to be handled`);
}

/** Everything the bot said in these calls, documents included, as one text to search. */
function spoken(calls: RecordedCall[]): string {
  return calls
    .map((call) => {
      const document = call.method === "sendDocument" && call.response.ok ? harness.emulator.documentContent(call.response.result as Message) : undefined;
      return JSON.stringify(call.payload) + (document?.toString("utf8") ?? "");
    })
    .join("\n");
}

/** The bot's calls caused by one update: pushes it, waits for its end, leaves out the polling. */
async function callsCausedBy(action: () => unknown): Promise<RecordedCall[]> {
  const since = harness.emulator.mark();
  await handled(pushed(action));
  return harness.emulator.calls.slice(since).filter((call) => call.method !== "getUpdates");
}

// Every row that belongs to a user, or to their chat; worker-written fetch columns are settled before comparing.
const OWNED_ROWS = {
  users: "select * from users where id = @user",
  links: "select * from links where user_id = @user order by id",
  link_search: "select rowid, * from link_search where rowid in (select id from links where user_id = @user) order by rowid",
  tags: "select * from tags where user_id = @user order by id",
  link_tags: "select * from link_tags where link_id in (select id from links where user_id = @user) order by link_id, tag_id",
  notes: "select * from notes where user_id = @user or chat_id = @user order by id",
  link_messages:
    "select * from link_messages where chat_id = @user or link_id in (select id from links where user_id = @user) order by chat_id, message_id, link_id",
  list_views: "select * from list_views where user_id = @user order by id",
  pending_imports: "select * from pending_imports where user_id = @user order by id",
  save_confirmations: "select * from save_confirmations where user_id = @user or chat_id = @user order by chat_id, message_id",
  digest_sends: "select * from digest_sends where user_id = @user order by local_date",
  refetch_answers: "select * from refetch_answers where user_id = @user or chat_id = @user order by chat_id, message_id",
  conversation_state: "select * from conversation_state where key = 'chat:' || @user",
};
const rowsOf = (user: number) => Object.fromEntries(Object.entries(OWNED_ROWS).map(([table, query]) => [table, sql(query, { user })]));
/** The tables holding any row about this id, with their rows: empty when the bot kept nothing. */
const storedAbout = (id: number) => Object.fromEntries(Object.entries(rowsOf(id)).filter(([, rows]) => rows.length > 0));

/** One attempt: the bot's answer matches `answer` (or it says nothing for null), and nothing of Ada's changed or leaked. */
async function expectNothingOfAdas(action: () => unknown, answer: RegExp | null): Promise<RecordedCall[]> {
  const before = rowsOf(ADA);
  const calls = await callsCausedBy(action);
  expect(rowsOf(ADA)).toEqual(before);
  expect(calls.filter((call) => Number(call.payload.chat_id) === ADA)).toEqual([]);
  const said = spoken(calls);
  for (const secret of ADA_SECRETS) expect(said).not.toContain(secret);
  if (answer) expect(said).toMatch(answer);
  else expect(calls).toEqual([]);
  return calls;
}

// --- Ada builds a log with every kind of button, and keeps each button under the name the tables use.

interface KeptButton {
  message: Message;
  data: string;
}
const adaButtons = new Map<string, KeptButton>();
// Ada's link "beta", the message she saved her links with, and her reply that became a note.
let adaLink: number;
let adaOriginal: Message;
let adaNote: Message;

function keep(name: string, message: Message, data: RegExp | string): void {
  const found = typeof data === "string" ? button(message, data) : buttonsOf(message).find((b) => data.test(b.callback_data));
  if (!found) throw new Error(`no button for ${name} in ${JSON.stringify(buttonsOf(message).map((b) => b.callback_data))}`);
  adaButtons.set(name, { message, data: found.callback_data });
}
const kept = (name: string): KeptButton => adaButtons.get(name) ?? expect.unreachable(`Ada has no ${name} button`);

async function adaCommand(text: string, expected?: RegExp): Promise<Message> {
  const since = harness.emulator.mark();
  ada().command(text);
  return await nextMessage(harness.emulator, ADA, since, expected);
}

/** Nine links tagged #adatag (two with titles), and a note on them offering to move it. */
async function adaSavesLinksAndANote(): Promise<void> {
  const filler = Array.from({ length: 7 }, (_, i) => `http://127.0.0.1:9/ada-${i + 3}`);
  let since = harness.emulator.mark();
  adaOriginal = ada().sendText(["http://127.0.0.1:9/ada-one Ada secret alpha", "http://127.0.0.1:9/ada-two Ada secret beta", ...filler].join("\n"));
  const question = await nextMessage(harness.emulator, ADA, since, TAG_QUESTION);
  since = harness.emulator.mark();
  ada().sendText("adatag");
  await nextEdit(harness.emulator, question, since, /#adatag/);
  adaLink = sql<{ id: number }>("select id from links where url like '%/ada-two'")[0]!.id;

  since = harness.emulator.mark();
  adaNote = ada().reply(adaOriginal, "Ada private note");
  keep("note Move to 2", await nextMessage(harness.emulator, ADA, since, /Note added/), "Move to 2");
}

/** /unread (two pages), one link read, /today, /search and /tags. */
async function adaOpensLists(): Promise<void> {
  const unread = await adaCommand("/unread", /Unread: 9/);
  keep("list ✅ read", unread, /^rd:/);
  keep("list ▶ page", unread, /^v:/);
  const since = harness.emulator.mark();
  ada().press(unread, kept("list ✅ read").data);
  await nextEdit(harness.emulator, unread, since, /Unread: 8/);
  keep("list ↩️ unread", await adaCommand("/today", /Today/), /^ur:/);
  keep("search result ✅", await adaCommand("/search beta", /1 link/), /^rd:/);
  keep("tags #adatag", await adaCommand("/tags", /Your tags: 1/), /^tg:/);
}

/** A link's card, with its delete confirmation showing. */
async function adaOpensACard(): Promise<void> {
  const card = await adaCommand(`/link_${adaLink}`, /Ada secret beta/);
  keep("card ✅ Read", card, /^lk:r:/);
  keep("card 🏷 Tags", card, /^lk:t:/);
  keep("card ✏️ Title", card, /^lk:e:/);
  keep("card 🔄 Refetch", card, /^lk:f:/);
  keep("card 🗑 Delete", card, /^lk:d:/);
  const since = harness.emulator.mark();
  ada().press(card, kept("card 🗑 Delete").data);
  const asked: Message = (await harness.emulator.waitForCall("editMessageReplyMarkup", (c) => c.response.ok, { since })).response.result;
  keep("card Yes, delete", asked, /^lk:D:/);
  keep("card Keep", asked, /^lk:k:/);
}

/** Digest settings and a digest, then a file whose import waits for her Import or Cancel. */
async function adaOpensDigestAndImport(): Promise<void> {
  const settings = await adaCommand("/digest", /daily digest/);
  keep("digest settings Turn off", settings, /^dgs:off$/);
  keep("digest settings Send now", settings, /^dgs:now$/);
  const digest = await adaCommand("/digest now");
  keep("digest ✅", digest, /^dg:r:/);
  keep("digest 💤", digest, /^dg:z:/);

  const file = harness.emulator.addFile("http://127.0.0.1:9/ada-import Ada secret alpha\n", "ada.txt");
  const since = harness.emulator.mark();
  ada().sendCaptioned("document", "", { document: { ...file, file_name: "ada.txt", mime_type: "text/plain" } });
  const preview = await nextMessage(harness.emulator, ADA, since, /Links: 1/);
  keep("import Import", preview, /^imp:y:/);
  keep("import Cancel", preview, /^imp:n:/);
}

/** Left open: Ada's tag question waits for her answer while the others try its buttons. */
async function adaLeavesATagQuestionOpen(): Promise<void> {
  const since = harness.emulator.mark();
  ada().sendText("http://127.0.0.1:9/ada-open Ada secret alpha again");
  const open = await nextMessage(harness.emulator, ADA, since, TAG_QUESTION);
  keep("tag question #adatag", open, /^q:\d+:t:/);
  keep("tag question Skip", open, "Skip");
  keep("tag question Done", open, "Done");
}

async function adaBuildsHerLog(): Promise<void> {
  await adaSavesLinksAndANote();
  await adaOpensLists();
  await adaOpensACard();
  await adaOpensDigestAndImport();
  await adaLeavesATagQuestionOpen();
  // The page fetcher refuses 127.0.0.1 once per link; after that Ada's rows only change if someone changes them.
  await eventually(() => sql("select id from links where user_id = ? and fetch_status = 'pending'", ADA).length === 0, "Ada's page fetches to settle");
}

/** Someone presses one of Ada's buttons on the very message it belongs to, in Ada's chat. */
const pressOnHerMessage = (user: EmulatedUser, name: string) => user.press(kept(name).message, kept(name).data);
/** A message pushed as it is, for the messages no client could send. */
const raw = (message: Message): NewUpdate => ({ message }) as NewUpdate;

/** Bob saves a link without tags; returns the save confirmation. */
async function bobSaves(text: string): Promise<Message> {
  let since = harness.emulator.mark();
  bob().sendText(text);
  const question = await nextMessage(harness.emulator, BOB, since, TAG_QUESTION);
  since = harness.emulator.mark();
  bob().press(question, button(question, "Skip").callback_data);
  return await nextEdit(harness.emulator, question, since, SETTLED);
}

describe("ALLOWED_USER_IDS, for every kind of update", () => {
  beforeAll(adaBuildsHerLog);

  const malloryChat = () => privateChat(mallory());
  const cases: Array<[string, () => unknown, RegExp | null]> = [
    ["a message with a link", () => mallory().sendText("http://127.0.0.1:9/mallory"), PRIVATE],
    ["a command", () => mallory().command("/unread"), PRIVATE],
    ["a message without a sender", () => harness.emulator.pushUpdate(raw(forged(malloryChat(), "http://127.0.0.1:9/nobody"))), PRIVATE],
    ["an edit of a message", () => mallory().edit(forged(malloryChat(), "hello", mallory().from), "http://127.0.0.1:9/edited"), null],
    ["a message in a group", () => harness.emulator.pushUpdate(raw(forged({ id: GROUP, type: "group", title: "Lobby" }, "/unread", mallory().from))), null],
    ["Ada's ✅ pressed in his own chat", () => mallory().press(forged(malloryChat(), "a message"), kept("list ✅ read").data), PRIVATE],
    ["Ada's Yes, delete pressed on her card", () => pressOnHerMessage(mallory(), "card Yes, delete"), PRIVATE],
    ["Ada's Skip pressed on her open tag question", () => pressOnHerMessage(mallory(), "tag question Skip"), PRIVATE],
    [
      "Ada's ✅ on an inline message (no chat)",
      () =>
        harness.emulator.pushUpdate({
          callback_query: {
            id: `inline-${Date.now()}`,
            from: mallory().from,
            chat_instance: "inline",
            inline_message_id: "AAAA",
            data: kept("list ✅ read").data,
          },
        }),
      null,
    ],
  ];

  it.each(cases)("an outsider's %s changes nothing of Ada's, stores nothing about him, and gets at most a refusal", async (_name, action, answer) => {
    const calls = await expectNothingOfAdas(action, answer);
    expect(calls.every((call) => ["sendMessage", "answerCallbackQuery"].includes(call.method))).toBe(true);
    expect(storedAbout(MALLORY)).toEqual({});
    expect(storedAbout(GROUP)).toEqual({});
  });

  it("reads no document an outsider sends: refused before the file is fetched", async () => {
    const file = harness.emulator.addFile("http://127.0.0.1:9/smuggled\n", "log.md");
    const calls = await expectNothingOfAdas(
      () => mallory().sendCaptioned("document", "", { document: { ...file, file_name: "log.md", mime_type: "text/markdown" } }),
      PRIVATE,
    );
    expect(calls.map((call) => call.method)).toEqual(["sendMessage"]);
    expect(storedAbout(MALLORY)).toEqual({});
  });
});

describe("one user's ids in another user's hands", () => {
  let bobMessage: Message;

  beforeAll(async () => {
    bobMessage = await bobSaves("http://127.0.0.1:9/bob-own Bob own page");
    const since = harness.emulator.mark();
    bob().command("/note Bob own note");
    await nextMessage(harness.emulator, BOB, since, /Note added/);
  });

  // Each of Ada's buttons, and what Bob is told when he presses it in his own chat with her callback data.
  const buttonCases: Array<[string, RegExp]> = [
    ["list ✅ read", NOT_YOURS],
    ["list ↩️ unread", NOT_YOURS],
    ["list ▶ page", /list is gone/],
    ["search result ✅", NOT_YOURS],
    ["card ✅ Read", NOT_YOURS],
    ["card 🏷 Tags", NOT_YOURS],
    ["card ✏️ Title", NOT_YOURS],
    ["card 🔄 Refetch", NOT_YOURS],
    ["card 🗑 Delete", NOT_YOURS],
    ["card Yes, delete", NOT_YOURS],
    ["card Keep", NOT_YOURS],
    ["note Move to 2", /note is not in your log/],
    ["tags #adatag", /tag is gone/],
    ["digest ✅", NOT_YOURS],
    ["digest 💤", NOT_YOURS],
    // Settings buttons act on whoever presses them: Bob changes his own digest, never Ada's.
    ["digest settings Turn off", /daily digest is <b>off/],
    ["digest settings Send now", /Bob own page/],
    ["import Import", /already done or cancelled/],
    ["import Cancel", /already done or cancelled/],
    ["tag question #adatag", /tag question is closed/],
    ["tag question Skip", /tag question is closed/],
    ["tag question Done", /tag question is closed/],
  ];

  it.each(buttonCases)("Bob presses Ada's %s in his own chat: refused, nothing of hers changes or shows", async (name, answer) => {
    await expectNothingOfAdas(() => bob().press(bobMessage, kept(name).data), answer);
  });

  // Telegram never delivers a press of a message in Ada's chat by anyone but Ada; a forged one must not count as hers.
  it.each(buttonCases.map(([name]) => name))("Bob presses Ada's %s on her own message: ignored", async (name) => {
    await expectNothingOfAdas(() => pressOnHerMessage(bob(), name), NOT_YOURS);
  });

  const adaChat = () => privateChat(ada());
  const commandCases: Array<[string, () => string, RegExp]> = [
    ["/link <id>", () => `/link ${adaLink}`, NO_SUCH],
    ["/link_<id>", () => `/link_${adaLink}`, NO_SUCH],
    ["/title <id>", () => `/title ${adaLink} Bob was here`, NO_SUCH],
    ["/refetch <id>", () => `/refetch ${adaLink}`, NO_SUCH],
    ["/tags rename", () => "/tags rename adatag bobtag", /You have no tag #adatag/],
    ["/unread #tag", () => "/unread #adatag", /No unread links tagged #adatag/],
    ["/queue", () => "/queue", /Bob own page/],
    ["/read", () => "/read week", /Nothing you read matches/],
    ["/search", () => "/search secret", /Nothing found/],
    ["/today", () => "/today", /Today/],
    ["/notes", () => "/notes all", /Bob own note/],
    ["/notes file", () => "/notes all file", /Bob own note/],
    ["/digest now", () => "/digest now", /Bob own page/],
    ["/export md", () => "/export md", /bob-own/],
    ["/export csv", () => "/export csv", /bob-own/],
    ["/export html", () => "/export html", /bob-own/],
    ["/export json", () => "/export json", /bob-own/],
    ["/note", () => "/note Bob's second thought", /Note added to .*Bob own page/],
  ];

  it.each(commandCases)("Bob sends %s with Ada's ids or words: he sees only his own log", async (_name, text, answer) => {
    await expectNothingOfAdas(() => bob().command(text()), answer);
  });

  const forgedCases: Array<[string, () => NewUpdate]> = [
    ["a word answering her open tag question", () => raw(forged(adaChat(), "bobtag", bob().from))],
    [
      "a reply to her link message",
      () => raw(forged(adaChat(), "Bob's note on Ada's link", bob().from, { reply_to_message: { ...adaOriginal, reply_to_message: undefined } })),
    ],
    ["a command", () => raw(forged(adaChat(), "/unread", bob().from))],
    [
      "an edit of her note's message",
      () => ({ edited_message: { ...adaNote, from: bob().from, text: "Bob rewrote this", edit_date: 1 } as Message & Update.NonChannel & Update.Edited }),
    ],
  ];

  it.each(forgedCases)("Bob sends %s into Ada's chat (a forged update): ignored", async (_name, update) => {
    await expectNothingOfAdas(() => harness.emulator.pushUpdate(update()), null);
  });
});

describe("the bot token", () => {
  const token = () => harness.emulator.token;
  const secret = () => token().split(":")[1]!;

  async function bobSees(action: () => unknown, answer: RegExp): Promise<void> {
    const since = harness.emulator.mark();
    action();
    await harness.emulator.waitForCall("sendMessage", (c) => c.response.ok && Number(c.payload.chat_id) === BOB && answer.test(String(c.payload.text)), {
      since,
    });
  }

  it("has failures to hide from: a 500, a dropped connection, a malformed update and a 400 on an edit, each logged and told", async () => {
    // Four failures outlast the fetch layer's three retries.
    harness.emulator.failNext("sendMessage", { status: 500 }, 4);
    await bobSees(() => bob().command("/today"), FAILED);

    harness.emulator.failNext("sendMessage", { drop: true }, 4);
    await bobSees(() => bob().command("/tags"), FAILED);

    await bobSees(
      () =>
        harness.emulator.pushUpdate(
          raw({ ...forged(privateChat(bob()), "x", bob().from), text: 12345, entities: [{ type: "url", offset: 0, length: 50 }] } as unknown as Message),
        ),
      FAILED,
    );

    await bobSaves("http://127.0.0.1:9/bob-token");
    let since = harness.emulator.mark();
    bob().command("/unread");
    const list = await nextMessage(harness.emulator, BOB, since, /Unread/);
    harness.emulator.failNext("editMessageText", { status: 400 });
    since = harness.emulator.mark();
    bob().press(list, buttonsOf(list)[0]!.callback_data);
    const answer = await harness.emulator.waitForCall("answerCallbackQuery", undefined, { since });
    expect(answer.payload.text).toMatch(FAILED);

    // Each failure is logged, error and all, before the user is told; the log reaches this process on its own pipe.
    const failures = () =>
      harness.bot
        .output()
        .split("\n")
        .filter((line) => line.includes('"msg":"update failed"') && line.includes('"err":'));
    await eventually(() => failures().length >= 4, "four failed updates to be logged");
  });

  it("is not in /healthz, nor in anything the bot logged or sent in this whole file", async () => {
    const health = await eventually(async () => fetch(`http://127.0.0.1:${healthPort}/healthz`).catch(() => undefined), "/healthz to answer");
    const body = await health.text();
    expect(JSON.parse(body)).toMatchObject({ database: true });
    const sent = harness.emulator.calls.map((call) => JSON.stringify(call.payload)).join("\n");
    for (const text of [body, harness.bot.output(), sent]) {
      expect(text).not.toContain(token());
      expect(text).not.toContain(secret());
    }
  });
});

describe("CSV export against spreadsheet formula injection", () => {
  const TITLE = '=HYPERLINK("http://evil","click")';
  const NOTE = "+cmd|' /C calc'!A0";

  it("writes a formula-like title and note with a leading apostrophe, and reads them back as they were", async () => {
    await bobSaves("http://127.0.0.1:9/bob-formula");
    const [link] = sql<{ id: number }>("select id from links where url like '%/bob-formula'");
    let since = harness.emulator.mark();
    bob().command(`/title ${link!.id} ${TITLE}`);
    await nextMessage(harness.emulator, BOB, since, /Title set/);
    since = harness.emulator.mark();
    bob().command(`/note ${NOTE}`);
    await nextMessage(harness.emulator, BOB, since, /Note added/);

    since = harness.emulator.mark();
    bob().command("/export csv");
    const sent = await harness.emulator.waitForCall("sendDocument", (c) => c.response.ok, { since });
    const csv = harness.emulator.documentContent(sent.response.result as Message)!;
    const [header, ...rows] = [...csvRecords(csv.toString("utf8"))].map((record) => ("cells" in record ? record.cells : []));
    const cell = (row: string[], column: string) => row[header!.indexOf(column)];
    const row = rows.find((cells) => cell(cells, "url")?.endsWith("/bob-formula"))!;
    expect(cell(row, "title")).toBe(`'${TITLE}`);
    expect(cell(row, "notes")).toBe(`'${NOTE}`);

    const parsed = parseImportFile("linklog.csv", csv, { timeZone: "UTC", now: Date.now() });
    const back = parsed.links.find((l) => l.url.endsWith("/bob-formula"))!;
    expect(back.title).toBe(TITLE);
    expect(back.notes.map((n) => n.text)).toEqual([NOTE]);
  });
});

/** Updates the bot never asks Telegram for, posted straight to its webhook: none of them reaches a feature. */
describe("update kinds outside the bot's allowed_updates, delivered to its webhook anyway", () => {
  const SECRET = "security-secret-0123456789";
  const origin = `http://127.0.0.1:${webhookPort}`;
  const hooked = botHarness({ WEBHOOK_URL: `${origin}/hook`, WEBHOOK_SECRET: SECRET, PORT: String(webhookPort), ALLOWED_USER_IDS: String(ADA) });
  const outsider: User = { id: MALLORY, is_bot: false, first_name: "Mallory" };
  const chat: Chat.PrivateChat = { id: MALLORY, type: "private", first_name: "Mallory" };
  const channel: Chat.ChannelChat = { id: -100_1234, type: "channel", title: "News" };
  const now = Math.floor(Date.now() / 1000);
  const post = (update: object) =>
    fetch(`${origin}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ update_id: Math.floor(Math.random() * 1e9), ...update }),
    });

  // The harness returns once the webhook is registered; the HTTP server may still be starting.
  beforeAll(() => eventually(async () => fetch(`${origin}/healthz`).catch(() => undefined), "the webhook server to listen"));

  const kinds: Array<[string, object]> = [
    ["inline_query", { inline_query: { id: "iq-1", from: outsider, query: "secret", offset: "" } }],
    ["chosen_inline_result", { chosen_inline_result: { result_id: "r1", from: outsider, query: "secret" } }],
    ["channel_post", { channel_post: { message_id: 1, date: now, chat: channel, text: "http://127.0.0.1:9/channel" } }],
    [
      "my_chat_member",
      {
        my_chat_member: {
          chat,
          from: outsider,
          date: now,
          old_chat_member: { status: "member", user: { id: 123456, is_bot: true, first_name: "linklog" } },
          new_chat_member: { status: "kicked", user: outsider, until_date: 0 },
        },
      },
    ],
    [
      "message_reaction",
      { message_reaction: { chat, message_id: 1, user: outsider, date: now, old_reaction: [], new_reaction: [{ type: "emoji", emoji: "👍" }] } },
    ],
    [
      "business_message",
      { business_message: { message_id: 1, date: now, chat, from: outsider, business_connection_id: "b1", text: "http://127.0.0.1:9/business" } },
    ],
  ];

  it.each(kinds)("%s from an outsider: answered 200, nothing said, nothing stored", async (_kind, update) => {
    const since = hooked.emulator.mark();
    expect((await post(update)).status).toBe(200);
    expect(hooked.emulator.calls.slice(since)).toEqual([]);
    const { all } = databaseFile(() => hooked.databasePath);
    expect(all("select count(*) as n from users")).toEqual([{ n: 0 }]);
    expect(all("select count(*) as n from links")).toEqual([{ n: 0 }]);
  });
});
