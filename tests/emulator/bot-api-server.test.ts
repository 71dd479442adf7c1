import { Api, Bot, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forwardOrigin, parseTelegramHtml, startEmulator, type Emulator } from "../../src/emulator/index.js";
import { svgToPng } from "../../src/png/svg-to-png.js";

let emu: Emulator;
let api: Api;

beforeEach(async () => {
  emu = await startEmulator();
  api = new Api(emu.token, { apiRoot: emu.apiRoot });
});
afterEach(async () => {
  await emu.close();
});

/** The Bot API error a call ends with, or a failure if it succeeded. */
async function apiError(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("a real grammY bot", () => {
  it("polls, replies, and confirms its updates when it stops", async () => {
    const bot = new Bot(emu.token, { botInfo: emu.botInfo, client: { apiRoot: emu.apiRoot } });
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    const running = bot.start({ drop_pending_updates: true });
    await emu.waitForLongPoll();

    const since = emu.mark();
    const user = emu.user();
    user.sendText("ping https://example.org");
    const call = await emu.waitForCall("sendMessage", (c) => c.payload.chat_id === user.chatId, { since });
    expect(call.response.result).toMatchObject({ text: "echo: ping https://example.org" });

    await bot.stop();
    await running;
    expect(emu.pendingUpdates()).toBe(0);
  });
});

describe("getMe and routing", () => {
  it("answers getMe with the bot's identity", async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: "linklog_test_bot", can_join_groups: true });
    expect(emu.callsOf("getMe")).toHaveLength(1);
  });

  it("rejects another token with 401 and unknown methods with 404, recording both", async () => {
    const wrongToken = await fetch(`${emu.apiRoot}/bot999:wrong/getMe`);
    expect(wrongToken.status).toBe(401);
    expect(await wrongToken.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });

    const unknown = await fetch(`${emu.apiRoot}/bot${emu.token}/sendPigeon`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(emu.callsOf("sendPigeon")[0]?.response).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("accepts GET query parameters and urlencoded bodies", async () => {
    const user = emu.user();
    user.sendText("hi");
    const viaGet = await fetch(`${emu.apiRoot}/bot${emu.token}/sendMessage?chat_id=${user.chatId}&text=from+GET`);
    expect(await viaGet.json()).toMatchObject({ ok: true, result: { text: "from GET", chat: { id: user.chatId } } });

    const markup = JSON.stringify({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] });
    const viaForm = await fetch(`${emu.apiRoot}/bot${emu.token}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({ chat_id: String(user.chatId), text: "from form", reply_markup: markup }),
    });
    expect(await viaForm.json()).toMatchObject({ ok: true, result: { reply_markup: JSON.parse(markup) } });
  });

  it("waitForCall names the methods called when it times out", async () => {
    const since = emu.mark();
    await api.getMe();
    await expect(emu.waitForCall("sendMessage", undefined, { since, timeoutMs: 100 })).rejects.toThrow(/getMe/);
  });
});

describe("getUpdates", () => {
  it("redelivers updates until an offset confirms them", async () => {
    const user = emu.user();
    user.sendText("one");
    user.sendText("two");

    const first = await api.getUpdates();
    expect(first.map((u) => u.message?.text)).toEqual(["one", "two"]);
    // A bot that restarts without confirming sees the same updates again.
    const again = await api.getUpdates();
    expect(again.map((u) => u.update_id)).toEqual(first.map((u) => u.update_id));

    const afterFirst = await api.getUpdates({ offset: first[0]!.update_id + 1 });
    expect(afterFirst.map((u) => u.message?.text)).toEqual(["two"]);
    expect(await api.getUpdates({ offset: first[1]!.update_id + 1 })).toEqual([]);
    expect(emu.pendingUpdates()).toBe(0);
  });

  it("honours limit and allowed_updates", async () => {
    const user = emu.user();
    const sent = user.sendText("a");
    user.press(sent, "x");
    user.sendText("b");
    expect(await api.getUpdates({ limit: 1 })).toHaveLength(1);
    const onlyQueries = await api.getUpdates({ allowed_updates: ["callback_query"] });
    expect(onlyQueries.map((u) => Object.keys(u)[1])).toEqual(["callback_query"]);
  });

  it("wakes a long poll as soon as an update is pushed", async () => {
    const poll = api.getUpdates({ timeout: 10 });
    await emu.waitForLongPoll();
    const started = Date.now();
    emu.user().sendText("wake up");
    const updates = await poll;
    expect(updates.map((u) => u.message?.text)).toEqual(["wake up"]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("records a waiting long poll at once and fills in its answer later", async () => {
    const since = emu.mark();
    const poll = api.getUpdates({ timeout: 10 });
    const waiting = await emu.waitForCall("getUpdates", undefined, { since });
    expect(waiting.pending).toBe(true);

    const answered = emu.waitForCall("getUpdates", (c) => c.response.result?.length === 1, { since });
    emu.user().sendText("hello");
    await poll;
    expect(await answered).toBe(waiting);
    expect(waiting.pending).toBeUndefined();
    expect(emu.callsOf("getUpdates", since)).toHaveLength(1);
  });

  it("ends an older long poll with 409 Conflict when a newer one arrives, as Telegram does", async () => {
    const older = api.getUpdates({ timeout: 10 });
    await emu.waitForLongPoll();
    const newer = api.getUpdates({ timeout: 10 });
    await expect(older).rejects.toThrow("409: Conflict: terminated by other getUpdates request");
    emu.user().sendText("for the newer poll");
    expect((await newer).map((u) => u.message?.text)).toEqual(["for the newer poll"]);
  });

  it("forgets a long poll the client aborted, so the next poll gets the update", async () => {
    const controller = new AbortController();
    const since = emu.mark();
    // grammY types its signal with the abort-controller shim; the platform's one works the same at runtime.
    const signal = controller.signal as Parameters<Api["getUpdates"]>[1];
    const abandoned = api.getUpdates({ timeout: 30 }, signal);
    await emu.waitForLongPoll();
    controller.abort();
    await expect(abandoned).rejects.toThrow();
    const call = await emu.waitForCall("getUpdates", (c) => !c.response.ok, { since });
    expect(call.response.description).toMatch(/aborted/);

    emu.user().sendText("after abort");
    expect((await api.getUpdates({ timeout: 5 })).map((u) => u.message?.text)).toEqual(["after abort"]);
  });

  it("close() ends a pending long poll with []", async () => {
    const poll = api.getUpdates({ timeout: 30 });
    await emu.waitForLongPoll();
    await emu.close();
    expect(await poll).toEqual([]);
  });
});

describe("sendMessage", () => {
  it("stores the message with ids shared with the user's messages", async () => {
    const user = emu.user({ first_name: "Ada" });
    const first = user.sendText("hello");
    const sent = await api.sendMessage(user.chatId, "<b>Saved</b> 1 link", {
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Tag", callback_data: "tag:1" }]] },
    });
    const next = user.sendText("again");
    expect([first.message_id, sent.message_id, next.message_id]).toEqual([1, 2, 3]);
    expect(sent).toMatchObject({
      from: { id: 123456, is_bot: true },
      chat: { id: user.chatId, type: "private", first_name: "Ada" },
      text: "Saved 1 link",
      entities: [{ type: "bold", offset: 0, length: 5 }],
      reply_markup: { inline_keyboard: [[{ text: "Tag", callback_data: "tag:1" }]] },
    });
    expect(emu.chatMessages(user.chatId).map((m) => m.text)).toEqual(["Saved 1 link"]);
  });

  it("rejects text over 4096 UTF-16 code units after entity parsing", async () => {
    const { chatId } = emu.user();
    emu.user().sendText("hi");
    await api.sendMessage(chatId, `<b>${"a".repeat(4096)}</b>`, { parse_mode: "HTML" });
    await api.sendMessage(chatId, "😀".repeat(2048));
    const error = await apiError(api.sendMessage(chatId, "😀".repeat(2048) + "a"));
    expect(error.error_code).toBe(400);
    expect(error.description).toBe("Bad Request: message is too long");
  });

  it("rejects empty text and broken HTML like Telegram", async () => {
    const { chatId } = emu.user();
    emu.user().sendText("hi");
    expect((await apiError(api.sendMessage(chatId, "  "))).description).toBe("Bad Request: message text is empty");
    expect((await apiError(api.sendMessage(chatId, "<b>bold", { parse_mode: "HTML" }))).description).toBe(
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    );
    expect((await apiError(api.sendMessage(chatId, "é <foo>", { parse_mode: "HTML" }))).description).toBe(
      `Bad Request: can't parse entities: Unsupported start tag "foo" at byte offset 3`,
    );
    expect((await apiError(api.sendMessage(chatId, "Tom & Jerry", { parse_mode: "HTML" }))).description).toMatch(
      /^Bad Request: can't parse entities: .*byte offset 4/,
    );
  });

  it("rejects callback_data over 64 bytes of UTF-8 with BUTTON_DATA_INVALID", async () => {
    const { chatId } = emu.user();
    emu.user().sendText("hi");
    const keyboard = (data: string) => ({ reply_markup: { inline_keyboard: [[{ text: "x", callback_data: data }]] } });
    // 32 two-byte characters: 64 bytes but only 32 UTF-16 units, so a length check would miss the limit.
    await api.sendMessage(chatId, "ok", keyboard("é".repeat(32)));
    const error = await apiError(api.sendMessage(chatId, "too much", keyboard("é".repeat(32) + "a")));
    expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect(emu.chatMessages(chatId)).toHaveLength(1);
  });

  it("answers chat not found for a chat no user wrote from", async () => {
    const error = await apiError(api.sendMessage(4242, "anyone?"));
    expect(error.error_code).toBe(400);
    expect(error.description).toBe("Bad Request: chat not found");
  });
});

describe("editing and deleting", () => {
  it("edits text, then refuses an identical edit and unknown messages", async () => {
    const user = emu.user();
    user.sendText("hi");
    const markup = { inline_keyboard: [[{ text: "Undo", callback_data: "undo" }]] };
    const sent = await api.sendMessage(user.chatId, "draft", { reply_markup: markup });

    const edited = await api.editMessageText(user.chatId, sent.message_id, "final", { reply_markup: markup });
    expect(edited).toMatchObject({ text: "final", edit_date: expect.any(Number) });
    expect(emu.chatMessages(user.chatId)[0]?.text).toBe("final");

    const same = await apiError(api.editMessageText(user.chatId, sent.message_id, "final", { reply_markup: markup }));
    expect(same.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    const missing = await apiError(api.editMessageText(user.chatId, 999, "x"));
    expect(missing.description).toBe("Bad Request: message to edit not found");
  });

  it("edits the reply markup and deletes messages", async () => {
    const user = emu.user();
    user.sendText("hi");
    const sent = await api.sendMessage(user.chatId, "pick", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    const cleared = await api.editMessageReplyMarkup(user.chatId, sent.message_id);
    expect(cleared).not.toHaveProperty("reply_markup");
    expect((await apiError(api.editMessageReplyMarkup(user.chatId, sent.message_id))).description).toMatch(/message is not modified/);

    expect(await api.deleteMessage(user.chatId, sent.message_id)).toBe(true);
    expect(emu.chatMessages(user.chatId)).toEqual([]);
    expect((await apiError(api.deleteMessage(user.chatId, sent.message_id))).description).toBe("Bad Request: message to delete not found");
  });

  it("answers a callback query once", async () => {
    const user = emu.user();
    user.sendText("hi");
    const sent = await api.sendMessage(user.chatId, "pick", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
    const update = user.press(sent, "a");
    expect(update.callback_query).toMatchObject({ data: "a", from: { id: user.id }, message: { message_id: sent.message_id } });
    expect(await api.answerCallbackQuery(update.callback_query!.id)).toBe(true);
    expect((await apiError(api.answerCallbackQuery(update.callback_query!.id))).description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
  });

  it("validates and stores bot commands", async () => {
    await api.setMyCommands([{ command: "start", description: "Start" }]);
    expect(await api.getMyCommands()).toEqual([{ command: "start", description: "Start" }]);
    expect((await apiError(api.setMyCommands([{ command: "Start", description: "x" }]))).description).toBe("Bad Request: BOT_COMMAND_INVALID");
    expect((await apiError(api.setMyCommands([{ command: "help", description: "" }]))).description).toBe("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
  });
});

describe("failNext", () => {
  it("answers 429 with retry_after, then handles the next call normally", async () => {
    emu.failNext("getMe", { status: 429, retryAfter: 7 });
    const error = await apiError(api.getMe());
    expect(error.error_code).toBe(429);
    expect(error.description).toBe("Too Many Requests: retry after 7");
    expect(error.parameters.retry_after).toBe(7);
    await expect(api.getMe()).resolves.toMatchObject({ id: 123456 });
    expect(emu.callsOf("getMe").map((c) => c.response.ok)).toEqual([false, true]);
  });

  it("answers 500 as many times as asked", async () => {
    emu.failNext("getMe", { status: 500 }, 2);
    expect((await apiError(api.getMe())).error_code).toBe(500);
    expect((await apiError(api.getMe())).error_code).toBe(500);
    await expect(api.getMe()).resolves.toBeDefined();
  });

  it("drops the connection so the client sees a network error", async () => {
    emu.failNext("getMe", { drop: true });
    await expect(api.getMe()).rejects.toBeInstanceOf(HttpError);
    await expect(api.getMe()).resolves.toBeDefined();
  });
});

describe("emulated user", () => {
  it("computes url entities in UTF-16 code units after emoji and CJK", () => {
    const text = "😀 读书 https://example.org/a?b=1 and example.net/path. Not index.ts";
    const message = emu.user().sendText(text);
    // 😀 is two UTF-16 units, each CJK character one: the URL starts at 2 + 1 + 2 + 1 = 6.
    expect(message.entities).toEqual([
      { type: "url", offset: 6, length: 25 },
      { type: "url", offset: 36, length: 16 },
    ]);
    expect(message.entities!.map((e) => text.slice(e.offset, e.offset + e.length))).toEqual(["https://example.org/a?b=1", "example.net/path"]);
  });

  it("builds captions, forwards, replies, commands and edits", () => {
    const user = emu.user({ id: 7, first_name: "Lin", username: "lin" });
    const photo = user.sendCaptioned("photo", "look example.org");
    expect(photo).toMatchObject({ caption: "look example.org", caption_entities: [{ type: "url", offset: 5, length: 11 }] });
    expect(photo.photo?.length).toBeGreaterThan(0);

    const channel = { id: -100123, type: "channel" as const, title: "News" };
    const forwarded = user.forward("https://news.example.com/x", forwardOrigin.channel(channel, 55));
    expect(forwarded.forward_origin).toMatchObject({ type: "channel", chat: { id: -100123 }, message_id: 55 });

    const reply = user.reply(forwarded, "nice");
    expect(reply.reply_to_message?.message_id).toBe(forwarded.message_id);

    const command = user.command("/start now");
    expect(command.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);

    const edit = user.edit(reply, "nice https://a.example.org");
    expect(edit.edited_message).toMatchObject({
      message_id: reply.message_id,
      text: "nice https://a.example.org",
      entities: [{ type: "url", offset: 5, length: 21 }],
      edit_date: expect.any(Number),
    });
    expect(emu.pendingUpdates()).toBe(5);
  });
});

describe("files", () => {
  it("receives a multipart sendDocument with JSON fields and keeps the bytes", async () => {
    const user = emu.user();
    user.sendText("export please");
    const bytes = Buffer.from("url,title\nhttps://example.org,Example 例\n");
    const message = await api.sendDocument(user.chatId, new InputFile(bytes, "links.csv"), {
      caption: "<b>Export</b> done",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Again", callback_data: "export" }]] },
    });
    expect(message).toMatchObject({
      caption: "Export done",
      document: { file_name: "links.csv", mime_type: "text/csv", file_size: bytes.length },
      reply_markup: { inline_keyboard: [[{ text: "Again", callback_data: "export" }]] },
    });
    expect(emu.documentContent(message)?.equals(bytes)).toBe(true);

    const tooLong = await apiError(api.sendDocument(user.chatId, new InputFile(bytes, "x.csv"), { caption: "c".repeat(1025) }));
    expect(tooLong.description).toBe("Bad Request: message caption is too long");
  });

  it("receives a multipart sendPhoto: the PNG's own size, the caption's entities, the keyboard and the bytes", async () => {
    const user = emu.user();
    user.sendText("/stats");
    const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"><rect width="64" height="48" fill="#0969da"/></svg>', {
      width: 320,
    });
    const message = await api.sendPhoto(user.chatId, new InputFile(png, "stats.png"), {
      caption: "<b>26 weeks</b> &lt;b&gt;",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "Open", callback_data: "open" }]] },
    });
    expect(message).toMatchObject({
      photo: [{ width: 320, height: 240, file_size: png.length, file_id: expect.any(String) }],
      caption: "26 weeks <b>",
      caption_entities: [{ type: "bold", offset: 0, length: 8 }],
      reply_markup: { inline_keyboard: [[{ text: "Open", callback_data: "open" }]] },
    });
    expect(emu.photoContent(message)?.equals(png)).toBe(true);
    const file = await api.getFile(message.photo!.at(-1)!.file_id);
    const download = await fetch(`${emu.apiRoot}/file/bot${emu.token}/${file.file_path}`);
    expect(download.headers.get("content-type")).toBe("image/png");

    const tooLong = await apiError(api.sendPhoto(user.chatId, new InputFile(png, "x.png"), { caption: "c".repeat(1025) }));
    expect(tooLong.description).toBe("Bad Request: message caption is too long");
    const notAnImage = await apiError(api.sendPhoto(user.chatId, new InputFile(Buffer.from("not a picture"), "x.png")));
    expect(notAnImage.description).toBe("Bad Request: IMAGE_PROCESS_FAILED");
    expect(emu.chatMessages(user.chatId).filter((m) => m.photo)).toHaveLength(1);
  });

  it("serves added and uploaded files through getFile and the download URL", async () => {
    const added = emu.addFile("# notes\n读书笔记\n", "notes.md");
    const file = await api.getFile(added.file_id);
    expect(file).toMatchObject({ file_id: added.file_id, file_size: added.file_size });
    const download = await fetch(`${emu.apiRoot}/file/bot${emu.token}/${file.file_path}`);
    expect(await download.text()).toBe("# notes\n读书笔记\n");

    const user = emu.user();
    user.sendText("hi");
    const sent = await api.sendDocument(user.chatId, new InputFile(Buffer.from("uploaded"), "u.txt"));
    const uploaded = await api.getFile(sent.document!.file_id);
    const again = await fetch(`${emu.apiRoot}/file/bot${emu.token}/${uploaded.file_path}`);
    expect(await again.text()).toBe("uploaded");

    expect((await apiError(api.getFile("nope"))).description).toBe("Bad Request: invalid file_id");
    expect((await fetch(`${emu.apiRoot}/file/botwrong/${file.file_path}`)).status).toBe(404);
  });
});

describe("parseTelegramHtml", () => {
  it("returns visible text and entities, and Telegram's reasons for broken markup", () => {
    expect(parseTelegramHtml('<a href="https://x.org/?a=1&amp;b=2">x &lt;3</a>')).toEqual({
      ok: true,
      text: "x <3",
      entities: [{ type: "text_link", offset: 0, length: 4, url: "https://x.org/?a=1&b=2" }],
    });
    expect(parseTelegramHtml("<b><i>x</b></i>")).toEqual({
      ok: false,
      reason: 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"',
    });
    expect(parseTelegramHtml("x</b>")).toEqual({ ok: false, reason: "Unexpected end tag at byte offset 1" });
    expect(parseTelegramHtml("<span>x</span>").ok).toBe(false);
    expect(parseTelegramHtml('<span class="tg-spoiler">x</span><blockquote expandable>q</blockquote>&#128512;&#x41;')).toMatchObject({
      ok: true,
      text: "xq😀A",
    });
  });
});

describe("what a chat client sees (the playground)", () => {
  it("tells every change of a chat, in order: the user's message, the bot's, an edit, a reaction, an answer, a deletion", async () => {
    const events: string[] = [];
    emu.subscribe((event) => events.push(event.kind));
    const user = emu.user();
    const said = user.sendText("hi");
    const sent = await api.sendMessage(user.chatId, "Tags?", { reply_markup: { inline_keyboard: [[{ text: "Skip", callback_data: "skip" }]] } });
    await api.editMessageText(user.chatId, sent.message_id, "Saved");
    await api.setMessageReaction(user.chatId, said.message_id, [{ type: "emoji", emoji: "👌" }]);
    const press = user.press(sent, "skip");
    await api.answerCallbackQuery(press.callback_query!.id, { text: "Skipped" });
    await api.sendChatAction(user.chatId, "typing");
    await api.deleteMessage(user.chatId, sent.message_id);
    expect(events).toEqual(["message", "message", "edited", "reaction", "callback-answer", "chat-action", "deleted"]);
    const [mine] = emu.history(user.chatId);
    expect(mine).toMatchObject({ byBot: false, message: { text: "hi" }, reaction: [{ type: "emoji", emoji: "👌" }] });
    expect(emu.history(user.chatId)).toHaveLength(1);
  });

  it("refuses a reaction to a message that does not exist", async () => {
    const user = emu.user();
    user.sendText("hi");
    expect((await apiError(api.setMessageReaction(user.chatId, 99, [{ type: "emoji", emoji: "👌" }]))).description).toBe(
      "Bad Request: message to react not found",
    );
  });

  it("shows the command menu of the user's language, or the one for every language", async () => {
    await api.setMyCommands([{ command: "help", description: "Every command" }]);
    await api.setMyCommands([{ command: "help", description: "所有命令" }], { language_code: "zh" });
    expect(emu.commandsFor("zh")).toEqual([{ command: "help", description: "所有命令" }]);
    expect(emu.commandsFor("de")).toEqual([{ command: "help", description: "Every command" }]);
  });

  it("keeps no call log when asked not to, while waiting for calls still works", async () => {
    const quiet = await startEmulator({ recordCalls: false });
    try {
      const quietApi = new Api(quiet.token, { apiRoot: quiet.apiRoot });
      const waiting = quiet.waitForCall("getMe");
      await quietApi.getMe();
      await expect(waiting).resolves.toMatchObject({ method: "getMe", response: { ok: true } });
      expect(quiet.calls).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
