import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { replyDefaults, withReplyDefaults } from "../../src/telegram/reply-defaults.js";

const HTML_NO_PREVIEW = { parse_mode: "HTML", link_preview_options: { is_disabled: true } };

describe("reply defaults", () => {
  it("makes messages and edits HTML without a preview when the caller said nothing", () => {
    expect(withReplyDefaults("sendMessage", { chat_id: 1, text: "<b>hi</b>" })).toEqual({ chat_id: 1, text: "<b>hi</b>", ...HTML_NO_PREVIEW });
    expect(withReplyDefaults("editMessageText", { chat_id: 1, message_id: 2, text: "x" })).toEqual({
      chat_id: 1,
      message_id: 2,
      text: "x",
      ...HTML_NO_PREVIEW,
    });
  });

  it("parses captions as HTML, and adds no preview option where Telegram has none", () => {
    expect(withReplyDefaults("sendDocument", { chat_id: 1, document: "f", caption: "<b>c</b>" })).toEqual({
      chat_id: 1,
      document: "f",
      caption: "<b>c</b>",
      parse_mode: "HTML",
    });
    expect(withReplyDefaults("editMessageCaption", { chat_id: 1, message_id: 2, caption: "c" })).toEqual({
      chat_id: 1,
      message_id: 2,
      caption: "c",
      parse_mode: "HTML",
    });
    expect(withReplyDefaults("sendPhoto", { chat_id: 1, photo: "p" })).toEqual({ chat_id: 1, photo: "p" });
  });

  it("keeps whatever the caller wrote, undefined included", () => {
    const preview = { url: "https://example.org/", prefer_small_media: true };
    expect(withReplyDefaults("sendMessage", { chat_id: 1, text: "x", link_preview_options: preview })).toEqual({
      chat_id: 1,
      text: "x",
      parse_mode: "HTML",
      link_preview_options: preview,
    });
    expect(withReplyDefaults("sendMessage", { chat_id: 1, text: "x", parse_mode: "MarkdownV2" })).toMatchObject({ parse_mode: "MarkdownV2" });
    expect(withReplyDefaults("sendMessage", { chat_id: 1, text: "x", parse_mode: undefined, link_preview_options: undefined })).toEqual({
      chat_id: 1,
      text: "x",
      parse_mode: undefined,
      link_preview_options: undefined,
    });
    expect(withReplyDefaults("sendDocument", { chat_id: 1, document: "f", caption: "c", parse_mode: "MarkdownV2" })).toMatchObject({
      parse_mode: "MarkdownV2",
    });
  });

  it("leaves text the caller formatted with entities alone", () => {
    const entities = [{ type: "bold", offset: 0, length: 1 }];
    expect(withReplyDefaults("sendMessage", { chat_id: 1, text: "<", entities })).toEqual({
      chat_id: 1,
      text: "<",
      entities,
      link_preview_options: { is_disabled: true },
    });
    expect(withReplyDefaults("sendDocument", { chat_id: 1, document: "f", caption: "<", caption_entities: entities })).not.toHaveProperty("parse_mode");
  });

  it("does not touch other methods", () => {
    for (const [method, payload] of [
      ["answerCallbackQuery", { callback_query_id: "1", text: "<b>" }],
      ["editMessageReplyMarkup", { chat_id: 1, message_id: 2, reply_markup: { inline_keyboard: [] } }],
      ["setMyCommands", { commands: [] }],
      ["getFile", { file_id: "f" }],
      ["sendMediaGroup", { chat_id: 1, media: [] }],
    ] as const) {
      const given = { ...payload };
      expect(withReplyDefaults(method, given)).toBe(given);
    }
  });

  it("reaches the wire through grammY, and an explicit undefined sends no preview option at all", async () => {
    const bodies: Record<string, unknown>[] = [];
    const api = new Api("1:token", {
      apiRoot: "http://127.0.0.1:9",
      fetch: (async (_url: string, init: { body: string }) => {
        bodies.push(JSON.parse(init.body) as Record<string, unknown>);
        return new Response(JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } }));
      }) as unknown as typeof fetch,
    });
    api.config.use(replyDefaults);
    await api.sendMessage(1, "<b>a</b>");
    await api.sendMessage(1, "b", { link_preview_options: undefined });
    await api.answerCallbackQuery("q", { text: "c" });
    expect(bodies).toEqual([
      { chat_id: 1, text: "<b>a</b>", ...HTML_NO_PREVIEW },
      { chat_id: 1, text: "b", parse_mode: "HTML" },
      { callback_query_id: "q", text: "c" },
    ]);
  });
});
