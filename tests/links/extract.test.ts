import type { Chat, InlineKeyboardMarkup, Message, MessageEntity, MessageOrigin } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { extractLinks } from "../../src/links/extract.js";

function message(fields: Partial<Message>): Message {
  return { message_id: 1, date: 1_700_000_000, chat: { id: 42, type: "private", first_name: "Ann" }, ...fields };
}

/** A `url` entity over the first occurrence of `shown` at or after `from` (indexOf counts UTF-16 units, as the Bot API does). */
function url(text: string, shown: string, from = 0): MessageEntity {
  return { type: "url", offset: text.indexOf(shown, from), length: shown.length };
}

function textLink(text: string, shown: string, target: string, from = 0): MessageEntity {
  return { type: "text_link", offset: text.indexOf(shown, from), length: shown.length, url: target };
}

function textMessage(text: string, entities: MessageEntity[]): Message {
  return message({ text, entities });
}

const channel: Chat.ChannelChat = { id: -100123, type: "channel", title: "Rust Weekly", username: "rustweekly" };

describe("extractLinks: entities", () => {
  it("finds a url entity with no title when the line holds only the URL", () => {
    const text = "https://example.org/a";
    expect(extractLinks(textMessage(text, [url(text, text)]))).toEqual({
      links: [{ url: "https://example.org/a", title: null }],
      source: null,
    });
  });

  it("adds https:// to a url entity without a scheme", () => {
    const text = "see example.org/path";
    expect(extractLinks(textMessage(text, [url(text, "example.org/path")])).links).toEqual([
      { url: "https://example.org/path", title: "see" },
    ]);
  });

  it("keeps an http:// url entity as written", () => {
    const text = "HTTP://Example.org/A";
    expect(extractLinks(textMessage(text, [url(text, text)])).links).toEqual([{ url: "HTTP://Example.org/A", title: null }]);
  });

  it("finds all of many links in order, each titled by its line", () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Chapter ${i + 1} - https://book.example.org/ch${i + 1}`);
    const text = lines.join("\n");
    const entities = lines.map((_, i) => url(text, `https://book.example.org/ch${i + 1}`, text.indexOf(`Chapter ${i + 1} `)));
    expect(extractLinks(textMessage(text, entities)).links).toEqual(
      lines.map((_, i) => ({ url: `https://book.example.org/ch${i + 1}`, title: `Chapter ${i + 1}` })),
    );
  });

  it("lists links in order of appearance even when entities arrive unsorted", () => {
    const text = "first https://a.example.org\nsecond https://b.example.org";
    const entities = [url(text, "https://b.example.org"), url(text, "https://a.example.org")];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://a.example.org", title: "first" },
      { url: "https://b.example.org", title: "second" },
    ]);
  });

  it("returns the same URL once, with its first title", () => {
    const text = "Read this https://example.org/post\nagain: https://example.org/post";
    const entities = [url(text, "https://example.org/post"), url(text, "https://example.org/post", 20)];
    expect(entities[1]?.offset).toBe(42);
    expect(extractLinks(textMessage(text, entities)).links).toEqual([{ url: "https://example.org/post", title: "Read this" }]);
  });

  it("titles a text_link by its visible text", () => {
    const text = "New post: Typed Elixir structs";
    const target = "https://ejpcmac.net/blog/typed-elixir-structs-without-boilerplate/";
    expect(extractLinks(textMessage(text, [textLink(text, "Typed Elixir structs", target)])).links).toEqual([
      { url: target, title: "Typed Elixir structs" },
    ]);
  });

  it("keeps a text_link's visible text as title when it merely looks like a domain of another site", () => {
    const text = "Node.js";
    expect(extractLinks(textMessage(text, [textLink(text, "Node.js", "https://nodejs.org/")])).links).toEqual([
      { url: "https://nodejs.org/", title: "Node.js" },
    ]);
  });

  it("titles a text_link that shows its own URL by the rest of its line", () => {
    const text = "Rust book — doc.rust-lang.org/book";
    const entity = textLink(text, "doc.rust-lang.org/book", "https://doc.rust-lang.org/book/");
    expect(extractLinks(textMessage(text, [entity])).links).toEqual([{ url: "https://doc.rust-lang.org/book/", title: "Rust book" }]);
  });

  it("takes the rest of the line, including a bare breadcrumb that is not an entity", () => {
    const link = "https://ejpcmac.net/blog/typed-elixir-structs-without-boilerplate/";
    const text = `${link} ejpcmac.net/blog - Typed Elixir structs without boilerplate`;
    expect(extractLinks(textMessage(text, [url(text, link)])).links).toEqual([
      { url: link, title: "ejpcmac.net/blog - Typed Elixir structs without boilerplate" },
    ]);
  });

  it("keeps a breadcrumb Telegram marked as a URL in the title when it is a prefix of the line's link", () => {
    const link = "https://ejpcmac.net/blog/typed-elixir-structs-without-boilerplate/";
    const text = `${link} ejpcmac.net/blog - Typed Elixir structs without boilerplate`;
    const entities = [url(text, link), url(text, "ejpcmac.net/blog", link.length)];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: link, title: "ejpcmac.net/blog - Typed Elixir structs without boilerplate" },
    ]);
  });

  it("still saves a scheme-less link on the line when it is not a prefix of another link", () => {
    const link = "https://ejpcmac.net/blog/post";
    const text = `${link} see also elixir-lang.org/docs`;
    const entities = [url(text, link), url(text, "elixir-lang.org/docs", link.length)];
    expect(extractLinks(textMessage(text, entities)).links.map((l) => l.url)).toEqual([link, "https://elixir-lang.org/docs"]);
  });

  it("gives both URLs of a line the line's text without either URL", () => {
    const text = "Rust vs Go: https://rust.example.org https://go.example.org (benchmarks)\nnext line";
    const entities = [url(text, "https://rust.example.org"), url(text, "https://go.example.org")];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://rust.example.org", title: "Rust vs Go (benchmarks)" },
      { url: "https://go.example.org", title: "Rust vs Go (benchmarks)" },
    ]);
  });

  it("cuts a text_link showing a URL out of another link's line, but keeps a titled one", () => {
    const text = "Docs https://a.example.org and example.org and Guide";
    const entities = [
      url(text, "https://a.example.org"),
      textLink(text, "example.org", "https://example.org/", text.indexOf(" and ")),
      textLink(text, "Guide", "https://guide.example.org/"),
    ];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://a.example.org", title: "Docs and and Guide" },
      { url: "https://example.org/", title: "Docs and and Guide" },
      { url: "https://guide.example.org/", title: "Guide" },
    ]);
  });

  it.each([
    ["a leading dash", "- https://example.org", null],
    ["separators on both sides", "Weekly digest | https://example.org —", "Weekly digest"],
    ["a colon before the URL", "Title: https://example.org", "Title"],
    ["brackets around the URL", "Great post (https://example.org)", "Great post"],
    ["brackets inside the title", "Great post (2024): https://example.org", "Great post (2024)"],
    ["an en dash after the URL", "https://example.org – Some Title", "Some Title"],
  ])("trims %s from a title", (_what, text, title) => {
    expect(extractLinks(textMessage(text, [url(text, "https://example.org")])).links).toEqual([{ url: "https://example.org", title }]);
  });

  it("slices by UTF-16 code units after emoji", () => {
    const text = "👩‍💻🔥 https://example.org/dev";
    const links = extractLinks(textMessage(text, [{ type: "url", offset: 8, length: 23 }])).links;
    expect(links).toEqual([{ url: "https://example.org/dev", title: "👩‍💻🔥" }]);
  });

  it("slices by UTF-16 code units after CJK text", () => {
    const text = "进程调度 https://zh.wikipedia.org/wiki/进程 — 维基百科";
    const links = extractLinks(textMessage(text, [{ type: "url", offset: 5, length: 32 }])).links;
    expect(links).toEqual([{ url: "https://zh.wikipedia.org/wiki/进程", title: "进程调度 维基百科" }]);
  });

  it("slices by UTF-16 code units in mixed text with astral characters", () => {
    const text = "🔥 学习 TypeScript 👩‍💻\n𝕏 帖子 https://x.com/rustlang/status/1 🚀 ✨\n末尾";
    const links = extractLinks(textMessage(text, [{ type: "url", offset: 29, length: 31 }])).links;
    expect(links).toEqual([{ url: "https://x.com/rustlang/status/1", title: "𝕏 帖子 🚀 ✨" }]);
  });

  it("keeps a CJK and emoji text_link title exactly", () => {
    const text = "推荐 🦀「Rust 程序设计语言」📚";
    const entity: MessageEntity = { type: "text_link", offset: 3, length: 17, url: "https://kaisery.github.io/trpl-zh-cn/" };
    expect(extractLinks(textMessage(text, [entity])).links).toEqual([
      { url: "https://kaisery.github.io/trpl-zh-cn/", title: "🦀「Rust 程序设计语言」📚" },
    ]);
  });

  it("ignores non-http targets", () => {
    const text = "ftp://files.example.org me mail tg://resolve?domain=durov";
    const entities: MessageEntity[] = [
      url(text, "ftp://files.example.org"),
      textLink(text, "me", "tg://user?id=1"),
      textLink(text, "mail", "mailto:ann@example.org"),
      url(text, "tg://resolve?domain=durov"),
    ];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([]);
  });

  it("finds no links in a message without url entities", () => {
    const text = "hello @durov, **bold** #rust";
    const entities: MessageEntity[] = [
      { type: "mention", offset: 6, length: 6 },
      { type: "bold", offset: 14, length: 8 },
      { type: "hashtag", offset: 23, length: 5 },
    ];
    expect(extractLinks(textMessage(text, entities))).toEqual({ links: [], source: null });
    expect(extractLinks(message({ text: "no entities at all" }))).toEqual({ links: [], source: null });
  });
});

describe("extractLinks: captions, previews and buttons", () => {
  it("finds a link in a photo caption", () => {
    const caption = "Sunset over the bay 🌅 https://photos.example.org/42";
    const msg = message({
      photo: [{ file_id: "f", file_unique_id: "u", width: 90, height: 60 }],
      caption,
      caption_entities: [url(caption, "https://photos.example.org/42")],
    });
    expect(extractLinks(msg).links).toEqual([{ url: "https://photos.example.org/42", title: "Sunset over the bay 🌅" }]);
  });

  it("finds a link given only as link_preview_options.url", () => {
    const msg = message({ text: "look at this", link_preview_options: { url: "https://preview.example.org/x" } });
    expect(extractLinks(msg).links).toEqual([{ url: "https://preview.example.org/x", title: null }]);
  });

  it("does not repeat a preview URL already found in the text", () => {
    const text = "Post https://example.org/a";
    const msg = message({ text, entities: [url(text, "https://example.org/a")], link_preview_options: { url: "https://example.org/a" } });
    expect(extractLinks(msg).links).toEqual([{ url: "https://example.org/a", title: "Post" }]);
  });

  it("reads URL buttons of a forwarded channel post, after the text and preview", () => {
    const caption = "This week: https://this-week.example.org";
    const markup: InlineKeyboardMarkup = {
      inline_keyboard: [
        [{ text: "📖 Read the article", url: "https://blog.example.org/article" }],
        [
          { text: "👍", callback_data: "like" },
          { text: "Open in app", url: "tg://resolve?domain=rustweekly" },
          { text: "blog.example.org/feed", url: "https://blog.example.org/feed" },
        ],
      ],
    };
    const msg = message({
      forward_origin: { type: "channel", date: 1_700_000_000, chat: channel, message_id: 7 },
      photo: [{ file_id: "f", file_unique_id: "u", width: 90, height: 60 }],
      caption,
      caption_entities: [url(caption, "https://this-week.example.org")],
      link_preview_options: { url: "https://preview.example.org/" },
      reply_markup: markup,
    });
    expect(extractLinks(msg)).toEqual({
      links: [
        { url: "https://this-week.example.org", title: "This week" },
        { url: "https://preview.example.org/", title: null },
        { url: "https://blog.example.org/article", title: "📖 Read the article" },
        { url: "https://blog.example.org/feed", title: null },
      ],
      source: "Rust Weekly (@rustweekly)",
    });
  });
});

describe("extractLinks: source", () => {
  const forwarded = (origin: MessageOrigin) => extractLinks(message({ text: "hi", forward_origin: origin })).source;

  it("names a forwarding user by first and last name", () => {
    const origin: MessageOrigin = { type: "user", date: 1, sender_user: { id: 5, is_bot: false, first_name: "Ada", last_name: "Lovelace", username: "ada" } };
    expect(forwarded(origin)).toBe("Ada Lovelace");
  });

  it("names a forwarding user without a last name by first name", () => {
    expect(forwarded({ type: "user", date: 1, sender_user: { id: 5, is_bot: false, first_name: "Ада" } })).toBe("Ада");
  });

  it("names a hidden user by sender_user_name", () => {
    expect(forwarded({ type: "hidden_user", date: 1, sender_user_name: "Anonymous Fox 🦊" })).toBe("Anonymous Fox 🦊");
  });

  it("names a chat by its title", () => {
    expect(forwarded({ type: "chat", date: 1, sender_chat: { id: -1, type: "group", title: "Study group" } })).toBe("Study group");
  });

  it("adds the username of a public chat", () => {
    const origin: MessageOrigin = { type: "chat", date: 1, sender_chat: { id: -2, type: "supergroup", title: "TS 中文", username: "ts_zh" } };
    expect(forwarded(origin)).toBe("TS 中文 (@ts_zh)");
  });

  it("names a channel by title and username", () => {
    expect(forwarded({ type: "channel", date: 1, chat: channel, message_id: 3 })).toBe("Rust Weekly (@rustweekly)");
  });

  it("names a private channel by title alone", () => {
    expect(forwarded({ type: "channel", date: 1, chat: { id: -100, type: "channel", title: "Private notes" }, message_id: 3 })).toBe("Private notes");
  });

  it("names the channel of a channel post that was not forwarded", () => {
    expect(extractLinks(message({ text: "post", chat: channel, sender_chat: channel })).source).toBe("Rust Weekly (@rustweekly)");
  });

  it("prefers the forward origin over the posting channel", () => {
    const msg = message({
      text: "post",
      sender_chat: channel,
      forward_origin: { type: "hidden_user", date: 1, sender_user_name: "Somebody" },
    });
    expect(extractLinks(msg).source).toBe("Somebody");
  });

  it("has no source for an anonymous group admin's own message", () => {
    expect(extractLinks(message({ text: "hi", sender_chat: { id: -3, type: "supergroup", title: "Group" } })).source).toBeNull();
  });

  it("has no source for a plain message", () => {
    expect(extractLinks(message({ text: "hi", from: { id: 1, is_bot: false, first_name: "Ann" } })).source).toBeNull();
  });
});
