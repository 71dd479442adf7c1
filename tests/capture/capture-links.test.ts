import type { Message, MessageEntity } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { captureLinks } from "../../src/capture/capture-links.js";
import { extractLinks } from "../../src/links/extract.js";
import { freshDatabaseEach } from "../support/test-db.js";

const database = freshDatabaseEach(1);

/** A text message with a `url` entity for every address in it, as Telegram sends one. */
function message(text: string, id = 1, extra: Partial<Message> = {}): Message {
  const entities: MessageEntity[] = [...text.matchAll(/https?:\/\/\S+/g)].map((match) => ({ type: "url", offset: match.index!, length: match[0].length }));
  return { message_id: id, date: 0, chat: { id: 1, type: "private", first_name: "A" }, text, entities, ...extra } as Message;
}

async function save(text: string, id = 1, extra: Partial<Message> = {}) {
  return await captureLinks(database(), 1, extractLinks(message(text, id, extra)), 1000, { chatId: 1, messageId: id });
}

const notes = () =>
  database()
    .selectFrom("notes")
    .innerJoin("links", "links.id", "notes.link_id")
    .select(["links.url", "notes.text", "notes.captured", "notes.source"])
    .orderBy("notes.id")
    .execute();

describe("the words a link is sent with", () => {
  it("keeps them as a captured note, and the link's provisional title", async () => {
    await save("这个讲得好 https://example.org/good");
    expect(await notes()).toEqual([{ url: "https://example.org/good", text: "这个讲得好", captured: 1, source: null }]);
    expect(await database().selectFrom("links").select(["title", "title_source"]).execute()).toEqual([{ title: "这个讲得好", title_source: "message" }]);
  });

  it("gives each link of an 'address Title' list its own words, not the whole list", async () => {
    await save("https://example.org/a Alpha guide\nhttps://example.org/b Beta notes");
    expect((await notes()).map(({ url, text }) => [url, text])).toEqual([
      ["https://example.org/a", "Alpha guide"],
      ["https://example.org/b", "Beta notes"],
    ]);
  });

  it("keeps a list's heading on each of its links, above the link's own words", async () => {
    await save("Reading list for the weekend:\nhttps://example.org/own The ownership chapter\nhttps://example.com/tokio Tokio tutorial");
    expect((await notes()).map(({ url, text }) => [url, text])).toEqual([
      ["https://example.org/own", "Reading list for the weekend:\nThe ownership chapter"],
      ["https://example.com/tokio", "Reading list for the weekend:\nTokio tutorial"],
    ]);
  });

  it("puts prose around several links on each of them, whole", async () => {
    const essay = "I compared https://example.org/x and https://example.org/y; the second explains the scheduler better.";
    await save(essay);
    expect((await notes()).map(({ text }) => text)).toEqual([essay, essay]);
  });

  it("keeps nothing for a bare address", async () => {
    await save("https://example.org/bare");
    expect(await notes()).toEqual([]);
  });

  it("notes a link sent again with new words, and never twice for one message", async () => {
    await save("https://example.org/again", 1);
    await save("还是要再读 https://example.org/again", 2);
    await save("还是要再读 https://example.org/again", 2);
    expect((await notes()).map(({ text }) => text)).toEqual(["还是要再读"]);
  });

  it("marks a forwarded post's words with where it came from", async () => {
    const origin = { type: "channel", date: 0, message_id: 9, chat: { id: -1, type: "channel", title: "SQLite Weekly" } } as const;
    await save("Query planner deep dive\nhttps://example.org/planner", 3, { forward_origin: origin });
    expect(await notes()).toEqual([{ url: "https://example.org/planner", text: "Query planner deep dive", captured: 1, source: "SQLite Weekly" }]);
  });
});
