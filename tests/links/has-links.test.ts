import type { Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { hasLinks } from "../../src/links/has-links.js";

const base = { message_id: 1, date: 1, chat: { id: 1, type: "private", first_name: "A" } };
const message = (fields: object) => ({ ...base, ...fields }) as Message;

describe("hasLinks", () => {
  it.each<[string, object]>([
    ["a url entity", { text: "see example.org", entities: [{ type: "url", offset: 4, length: 11 }] }],
    ["a text_link", { text: "this post", entities: [{ type: "text_link", offset: 0, length: 4, url: "https://example.org/" }] }],
    ["a url in a caption", { caption: "https://example.org", caption_entities: [{ type: "url", offset: 0, length: 19 }] }],
    ["a link preview only", { text: "look", link_preview_options: { url: "https://example.org/" } }],
    ["a forwarded post's URL button", { text: "news", reply_markup: { inline_keyboard: [[{ text: "Read", url: "https://example.org/" }]] } }],
  ])("finds %s", (_name, fields) => {
    expect(hasLinks(message(fields))).toBe(true);
  });

  it.each<[string, object]>([
    ["plain text", { text: "no links here" }],
    [
      "other entities",
      {
        text: "/start @someone",
        entities: [
          { type: "bot_command", offset: 0, length: 6 },
          { type: "mention", offset: 7, length: 8 },
        ],
      },
    ],
    ["callback buttons", { text: "menu", reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go" }]] } }],
  ])("finds none in %s", (_name, fields) => {
    expect(hasLinks(message(fields))).toBe(false);
  });
});
