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
      comment: null,
    });
  });

  it("adds https:// to a url entity without a scheme", () => {
    const text = "see example.org/path";
    expect(extractLinks(textMessage(text, [url(text, "example.org/path")])).links).toEqual([{ url: "https://example.org/path", title: "see" }]);
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
    expect(extractLinks(textMessage(text, [textLink(text, "Typed Elixir structs", target)])).links).toEqual([{ url: target, title: "Typed Elixir structs" }]);
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
    expect(extractLinks(textMessage(text, entities)).links).toEqual([{ url: link, title: "ejpcmac.net/blog - Typed Elixir structs without boilerplate" }]);
  });

  it("still saves a scheme-less link on the line when it is not a prefix of another link", () => {
    const link = "https://ejpcmac.net/blog/post";
    const text = `${link} see also elixir-lang.org/docs`;
    const entities = [url(text, link), url(text, "elixir-lang.org/docs", link.length)];
    expect(extractLinks(textMessage(text, entities)).links.map((l) => l.url)).toEqual([link, "https://elixir-lang.org/docs"]);
  });

  it("gives no title from the scraps of a line that holds several URLs", () => {
    const text = "Rust vs Go: https://rust.example.org https://go.example.org (benchmarks)\nnext line";
    const entities = [url(text, "https://rust.example.org"), url(text, "https://go.example.org")];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://rust.example.org", title: null },
      { url: "https://go.example.org", title: null },
    ]);
  });

  it("counts a text_link showing a URL as a URL of the line, but keeps a titled one's visible text", () => {
    const text = "Docs https://a.example.org and example.org and Guide";
    const entities = [
      url(text, "https://a.example.org"),
      textLink(text, "example.org", "https://example.org/", text.indexOf(" and ")),
      textLink(text, "Guide", "https://guide.example.org/"),
    ];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://a.example.org", title: null },
      { url: "https://example.org/", title: null },
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
    expect(extractLinks(textMessage(text, [entity])).links).toEqual([{ url: "https://kaisery.github.io/trpl-zh-cn/", title: "🦀「Rust 程序设计语言」📚" }]);
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
    expect(extractLinks(textMessage(text, entities))).toEqual({ links: [], source: null, comment: text });
    expect(extractLinks(message({ text: "no entities at all" }))).toEqual({ links: [], source: null, comment: "no entities at all" });
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
      comment: caption,
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

/** The single link of a text that Telegram marks as one `url` entity over `shown`. */
function only(text: string, shown: string) {
  return extractLinks(textMessage(text, [url(text, shown)]));
}

describe("extractLinks: where Telegram's url entity overreaches", () => {
  it("cuts the entity at CJK punctuation and gives the rest back to the words", () => {
    const text = "看这个https://example.org/post，写得很好。";
    expect(only(text, "https://example.org/post，写得很好。")).toEqual({
      links: [{ url: "https://example.org/post", title: "看这个 写得很好" }],
      source: null,
      comment: "看这个，写得很好。",
    });
  });

  it.each(["，", "。", "、", "；", "：", "！", "？", "）", "（", "」", "「", "』", "】", "〉", "》", "～", "〜", "．"])(
    "cuts the address at full-width or CJK mark %s",
    (mark) => {
      const text = `https://example.org/a${mark}后文`;
      expect(only(text, text).links.map((link) => link.url)).toEqual(["https://example.org/a"]);
    },
  );

  it("cuts a host that swallowed the words after it", () => {
    const text = "https://example.org，很好";
    expect(only(text, text)).toMatchObject({ links: [{ url: "https://example.org", title: "很好" }], comment: "很好" });
  });

  it("drops the ASCII punctuation a cut leaves at the address's end, as Telegram does at an end", () => {
    const text = "https://example.org/faq?，请看";
    expect(only(text, text).links).toEqual([{ url: "https://example.org/faq", title: "请看" }]);
  });

  it.each(["https://ja.wikipedia.org/wiki/ジョン・レノン", "https://ja.wikipedia.org/wiki/人々"])("keeps Japanese words in a path whole: %s", (link) => {
    const text = `読んで ${link}`;
    expect(only(text, link).links.map((found) => found.url)).toEqual([link]);
  });

  it("drops CJK letters glued before a scheme-less host, keeping them as words", () => {
    const text = "官网example.org/download";
    expect(only(text, text)).toEqual({ links: [{ url: "https://example.org/download", title: "官网" }], source: null, comment: "官网" });
  });

  it("drops glued CJK letters and punctuation before a host and cuts what follows its path", () => {
    const text = "下载地址：example.org/download，谢谢";
    expect(only(text, text)).toMatchObject({
      links: [{ url: "https://example.org/download", title: "下载地址 谢谢" }],
      comment: "下载地址，谢谢",
    });
  });

  it("keeps a host whose first label is all CJK (an internationalized name)", () => {
    const text = "访问 例子.中国 看看";
    expect(only(text, "例子.中国").links.map((link) => link.url)).toEqual(["https://例子.中国"]);
  });

  it("keeps text glued before a scheme out of the address (Telegram starts the entity at the scheme)", () => {
    const text = "看这个https://example.org/a";
    expect(only(text, "https://example.org/a").links).toEqual([{ url: "https://example.org/a", title: "看这个" }]);
  });

  it("handles mixed English and Chinese with emoji before the cut, counting UTF-16 units", () => {
    const text = "🔥 Rust 教程 https://example.org/rust（推荐）";
    const entity: MessageEntity = { type: "url", offset: 11, length: 29 };
    expect(text.slice(11, 40)).toBe("https://example.org/rust（推荐）");
    expect(extractLinks(textMessage(text, [entity]))).toMatchObject({
      links: [{ url: "https://example.org/rust", title: "🔥 Rust 教程 推荐" }],
      comment: "🔥 Rust 教程 （推荐）",
    });
  });
});

describe("extractLinks: file names are not links", () => {
  it.each(["README.md", "setup.py", "main.rs", "install.sh", "release.zip", "NOTES.MD"])("saves nothing for %s in a sentence", (name) => {
    const text = `Edit ${name} first, then commit.`;
    expect(only(text, name)).toEqual({ links: [], source: null, comment: text });
  });

  it.each([
    ["a path", "foo.sh/install", "https://foo.sh/install"],
    ["a scheme", "https://readme.md", "https://readme.md"],
    ["a well-known site", "docs.rs", "https://docs.rs"],
  ])("keeps a name on a file-extension TLD with %s", (_what, shown, link) => {
    const text = `run ${shown} now`;
    expect(only(text, shown).links.map((found) => found.url)).toEqual([link]);
  });

  it("keeps a file name as words of the title beside a real link", () => {
    const text = "看 README.md 和 https://example.org/x";
    const entities = [url(text, "README.md"), url(text, "https://example.org/x")];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([{ url: "https://example.org/x", title: "看 README.md 和" }]);
  });
});

describe("extractLinks: provisional titles", () => {
  it.each([
    ["推荐：https://example.org", "推荐"],
    ["Read https://example.org .", "Read"],
    ["(see https://example.org", "see"],
    ["[Rust book] https://example.org", "Rust book"],
    ["“标题” https://example.org", "标题"],
    ["‘quoted’ https://example.org", "quoted"],
    ['"Rust book" https://example.org', "Rust book"],
    ["「Rust 程序设计语言」https://example.org", "Rust 程序设计语言"],
    ["Great read… https://example.org", "Great read"],
    ["https://example.org → 好文！", "好文"],
  ])("trims the punctuation around %s", (text, title) => {
    expect(only(text, "https://example.org").links).toEqual([{ url: "https://example.org", title }]);
  });

  it.each([
    ["book-title marks", "《深入理解计算机系统》 https://example.org", "《深入理解计算机系统》"],
    ["a bracket that opens the title", "【转载】好文 https://example.org", "【转载】好文"],
    ["a question mark", "Why Rust? https://example.org", "Why Rust?"],
    ["a sharp", "C# tips: https://example.org", "C# tips"],
  ])("keeps %s", (_what, text, title) => {
    expect(only(text, "https://example.org").links).toEqual([{ url: "https://example.org", title }]);
  });

  it("titles a literal markdown link by its bracketed text", () => {
    const text = "[Rust book](https://doc.rust-lang.org/book/)";
    expect(only(text, "https://doc.rust-lang.org/book/")).toEqual({
      links: [{ url: "https://doc.rust-lang.org/book/", title: "Rust book" }],
      source: null,
      comment: null,
    });
  });

  it("titles a markdown link inside a sentence by its bracketed text, and keeps the sentence as the comment", () => {
    const text = "Start with [Rust book](https://doc.rust-lang.org/book/) today";
    expect(only(text, "https://doc.rust-lang.org/book/")).toMatchObject({
      links: [{ url: "https://doc.rust-lang.org/book/", title: "Rust book" }],
      comment: text,
    });
  });

  it("titles a markdown link whose address holds parentheses", () => {
    const text = "[Foo](https://en.wikipedia.org/wiki/Foo_(bar))";
    expect(only(text, "https://en.wikipedia.org/wiki/Foo_(bar)").links).toEqual([{ url: "https://en.wikipedia.org/wiki/Foo_(bar)", title: "Foo" }]);
  });

  it("titles two markdown links on one line each by its own text", () => {
    const text = "[A](https://a.example.org) 和 [B](https://b.example.org)";
    const entities = [url(text, "https://a.example.org"), url(text, "https://b.example.org")];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://a.example.org", title: "A" },
      { url: "https://b.example.org", title: "B" },
    ]);
  });

  it("titles a URL alone on its line by the headline above it (a forwarded post)", () => {
    const link = "https://ejpcmac.net/blog/typed-elixir-structs";
    const text = `Typed Elixir structs without boilerplate\n${link}`;
    const msg = message({ text, entities: [url(text, link)], forward_origin: { type: "channel", date: 1, chat: channel, message_id: 9 } });
    expect(extractLinks(msg)).toEqual({
      links: [{ url: link, title: "Typed Elixir structs without boilerplate" }],
      source: "Rust Weekly (@rustweekly)",
      comment: "Typed Elixir structs without boilerplate",
    });
  });

  it("looks past blank lines for the headline", () => {
    const text = "📌 进程调度：\n\nhttps://example.org/sched";
    expect(only(text, "https://example.org/sched").links).toEqual([{ url: "https://example.org/sched", title: "📌 进程调度" }]);
  });

  it("takes no headline from a line that holds a link itself", () => {
    const text = "Reading list:\nhttps://a.example.org\nhttps://b.example.org";
    const entities = [url(text, "https://a.example.org"), url(text, "https://b.example.org")];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://a.example.org", title: "Reading list" },
      { url: "https://b.example.org", title: null },
    ]);
  });

  it("gives no titles from the scraps between several URLs on a line", () => {
    const text = "参考 https://a.example.org 和 https://b.example.org";
    const entities = [url(text, "https://a.example.org"), url(text, "https://b.example.org")];
    expect(extractLinks(textMessage(text, entities))).toEqual({
      links: [
        { url: "https://a.example.org", title: null },
        { url: "https://b.example.org", title: null },
      ],
      source: null,
      comment: text,
    });
  });

  it("keeps titles from short lines of a short message with several links", () => {
    const text = "Rust https://a.example.org\nGo https://b.example.org";
    const entities = [url(text, "https://a.example.org"), url(text, "https://b.example.org")];
    expect(extractLinks(textMessage(text, entities)).links.map((link) => link.title)).toEqual(["Rust", "Go"]);
  });

  it("takes no titles from the words of an essay with several links, and keeps the essay as the comment", () => {
    const sentence = "这一段讲进程调度的公平性问题，作者比较了几种调度器在高负载下的表现。";
    const text = [
      `${sentence.repeat(6)}`,
      `参考 https://a.example.org 和`,
      `${sentence.repeat(6)}`,
      `另见 https://b.example.org`,
      `最后 https://c.example.org ${sentence.repeat(8)}`,
    ].join("\n");
    expect(text.length).toBeGreaterThan(280);
    const entities = ["https://a.example.org", "https://b.example.org", "https://c.example.org"].map((link) => url(text, link));
    expect(extractLinks(textMessage(text, entities))).toEqual({
      links: [
        { url: "https://a.example.org", title: null },
        { url: "https://b.example.org", title: null },
        { url: "https://c.example.org", title: null },
      ],
      source: null,
      comment: text,
    });
  });

  it("keeps a text_link's visible text as title even in an essay", () => {
    const words = "Some thoughts on the BEAM scheduler and why reductions matter for latency. ".repeat(5);
    const text = `${words}\nSee the Erlang docs and https://example.org/notes`;
    const entities = [textLink(text, "the Erlang docs", "https://erlang.org/doc/"), url(text, "https://example.org/notes")];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://erlang.org/doc/", title: "the Erlang docs" },
      { url: "https://example.org/notes", title: null },
    ]);
  });

  it("takes no title from a line that holds a long sentence, even with one link", () => {
    const sentence = "I read this over the weekend and the part about work stealing finally made the whole runtime click for me";
    const text = `${sentence} https://example.org/runtime`;
    expect(sentence.length).toBeGreaterThan(100);
    expect(only(text, "https://example.org/runtime")).toMatchObject({
      links: [{ url: "https://example.org/runtime", title: null }],
      comment: sentence,
    });
  });

  it("keeps the title of a short line in a long message with one link", () => {
    const text = `${"Short line of notes.\n".repeat(20)}Source: https://example.org/src`;
    expect(only(text, "https://example.org/src").links).toEqual([{ url: "https://example.org/src", title: "Source" }]);
  });

  it("gives no title rather than one over 200 characters", () => {
    const long = "a".repeat(201);
    const text = `${long} ${"b".repeat(200)}`;
    const entities = [textLink(text, long, "https://long.example.org/"), textLink(text, "b".repeat(200), "https://ok.example.org/")];
    expect(extractLinks(textMessage(text, entities)).links).toEqual([
      { url: "https://long.example.org/", title: null },
      { url: "https://ok.example.org/", title: "b".repeat(200) },
    ]);
  });

  it("trims punctuation from a URL button's label", () => {
    const markup: InlineKeyboardMarkup = { inline_keyboard: [[{ text: "「阅读全文」→", url: "https://blog.example.org/post" }]] };
    expect(extractLinks(message({ text: "新文章", reply_markup: markup })).links).toEqual([{ url: "https://blog.example.org/post", title: "阅读全文" }]);
  });
});

describe("extractLinks: the user's words", () => {
  it("keeps the words beside a single link, the URL cut out", () => {
    const text = "这个讲得好 https://example.org/talk";
    expect(only(text, "https://example.org/talk").comment).toBe("这个讲得好");
  });

  it("joins the words on both sides of the URL with one space", () => {
    const text = "Read https://example.org/a before Friday";
    expect(only(text, "https://example.org/a").comment).toBe("Read before Friday");
  });

  it("drops the brackets and separators left at the cut", () => {
    expect(only("The talk (https://example.org/talk) explains it", "https://example.org/talk").comment).toBe("The talk explains it");
    expect(only("Worth it: https://example.org/a — really", "https://example.org/a").comment).toBe("Worth it really");
  });

  it("keeps the line breaks around a URL on its own line", () => {
    const text = "Headline\n\nhttps://example.org/x\n\nMy note:\n- point one";
    expect(only(text, "https://example.org/x").comment).toBe("Headline\n\nMy note:\n- point one");
  });

  it("has no comment when the text is only the address and separators", () => {
    expect(only("—  https://example.org/a  |", "https://example.org/a").comment).toBeNull();
  });

  it("has no comment when the text is only several addresses and separators", () => {
    const text = "https://a.example.org | https://b.example.org\n→ https://c.example.org";
    const entities = ["https://a.example.org", "https://b.example.org", "https://c.example.org"].map((link) => url(text, link));
    expect(extractLinks(textMessage(text, entities)).comment).toBeNull();
  });

  it("has no comment when the text is only several addresses", () => {
    const text = "https://a.example.org\nhttps://b.example.org";
    expect(extractLinks(textMessage(text, [url(text, "https://a.example.org"), url(text, "https://b.example.org")])).comment).toBeNull();
  });

  it("keeps the whole text verbatim when there are several links", () => {
    const text = "Rust  https://a.example.org\nGo: https://b.example.org ";
    expect(extractLinks(textMessage(text, [url(text, "https://a.example.org"), url(text, "https://b.example.org")])).comment).toBe(
      "Rust  https://a.example.org\nGo: https://b.example.org",
    );
  });

  it("cuts every occurrence of the one link", () => {
    const text = "https://example.org/a\nagain https://example.org/a";
    const entities = [url(text, "https://example.org/a"), url(text, "https://example.org/a", 5)];
    expect(extractLinks(textMessage(text, entities)).comment).toBe("again");
  });

  it("keeps a caption's words", () => {
    const caption = "Sunset 🌅 https://photos.example.org/42";
    const msg = message({
      photo: [{ file_id: "f", file_unique_id: "u", width: 90, height: 60 }],
      caption,
      caption_entities: [url(caption, "https://photos.example.org/42")],
    });
    expect(extractLinks(msg).comment).toBe("Sunset 🌅");
  });

  it("has no comment when the whole text is one text_link's visible text", () => {
    const text = "Typed Elixir structs";
    expect(extractLinks(textMessage(text, [textLink(text, text, "https://ejpcmac.net/blog/x")])).comment).toBeNull();
  });

  it("keeps the whole text when the one link is a text_link among words", () => {
    const text = "New post: Typed Elixir structs";
    expect(extractLinks(textMessage(text, [textLink(text, "Typed Elixir structs", "https://ejpcmac.net/blog/x")])).comment).toBe(text);
  });

  it("keeps the whole text when the one link is the preview's", () => {
    expect(extractLinks(message({ text: "look at this", link_preview_options: { url: "https://preview.example.org/x" } })).comment).toBe("look at this");
  });

  it("keeps a file name that is not a link as words", () => {
    expect(only("README.md", "README.md")).toEqual({ links: [], source: null, comment: "README.md" });
  });
});
