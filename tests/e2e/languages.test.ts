import { readFileSync } from "node:fs";
import type { InlineKeyboardMarkup, Message } from "@grammyjs/types";
import { describe, expect, it } from "vitest";
import { parseTelegramHtml, type Emulator } from "../../src/emulator/index.js";
import { button, buttonsOf, nextEdit, nextMessage } from "../support/chat.js";
import { appHarness } from "../support/harness.js";

const fixture = readFileSync(new URL("../fixtures/study-log.md", import.meta.url), "utf8");

/** Names that stay as they are in every language; a language's own name is written in it ("English or 中文"). */
const PRODUCT_NAMES = /\b(?:linklog|Telegram|Pocket|Raindrop|Karakeep|Linkwarden|Netscape|markdown|HTML|CSV|JSON|IANA|MiB|zip|UTC|English)\b|中文/gu;

/** Three or more words of Latin letters in a row: an English sentence, or the start of one. */
const ENGLISH_RUN = /[A-Za-z]+(?:['’][A-Za-z]+)?(?:[ ,]+[A-Za-z]+(?:['’][A-Za-z]+)?){2,}/gu;
/** Chinese characters and full-width punctuation. */
const CHINESE_RUN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

interface Said {
  /** Where the words were said: a method and the first characters, for the failure message. */
  where: string;
  /** What a reader sees, without what never counts as the bot's language: code, links, commands, #tags, product names. */
  words: string;
}

/** The visible text of an HTML message with code, pre and the user's link titles blanked out. */
function prose(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`Telegram would refuse this message (${parsed.reason}): ${html}`);
  let text = parsed.text;
  for (const entity of parsed.entities) {
    if (entity.type === "code" || entity.type === "pre" || entity.type === "text_link") {
      text = text.slice(0, entity.offset) + " ".repeat(entity.length) + text.slice(entity.offset + entity.length);
    }
  }
  return text
    .replace(/https?:\/\/\S+/gu, " ")
    .replace(/[\w-]+(?:\.[\w-]+)+/gu, " ") // addresses and file names: example.org, study-log.md
    .replace(/\/[A-Za-z0-9_]+/gu, " ")
    .replace(/#[^\s#]+/gu, " ")
    .replace(PRODUCT_NAMES, " ");
}

/** The labels of inline buttons and of a reply keyboard's buttons alike. */
const labels = (markup: (InlineKeyboardMarkup & { keyboard?: ({ text: string } | string)[][] }) | undefined) => [
  ...(markup?.inline_keyboard ?? []).flat().map((b) => b.text),
  ...(markup?.keyboard ?? []).flat().map((b) => (typeof b === "string" ? b : b.text)),
];

/** Everything the bot said to the chat since `since`: messages, edits, captions, toasts and button labels. */
function everythingSaid(emulator: Emulator, chatId: number, since: number): Said[] {
  const said: Said[] = [];
  const add = (method: string, text: string, html = true) => said.push({ where: `${method}: ${text.slice(0, 60)}`, words: html ? prose(text) : text });
  for (const method of ["sendMessage", "editMessageText", "sendDocument"]) {
    for (const call of emulator.callsOf(method, since)) {
      if (!call.response.ok || Number(call.payload.chat_id) !== chatId) continue;
      const text = String(call.payload.text ?? call.payload.caption ?? "");
      if (text) add(method, text);
      const markup = call.payload.reply_markup as InlineKeyboardMarkup | string | undefined;
      const keyboard = typeof markup === "string" ? (JSON.parse(markup) as InlineKeyboardMarkup) : markup;
      for (const label of labels(keyboard)) add(`${method} button`, label.replace(/#[^\s#]+/gu, " ").replace(PRODUCT_NAMES, " "), false);
    }
  }
  for (const call of emulator.callsOf("answerCallbackQuery", since)) if (call.payload.text) add("answerCallbackQuery", String(call.payload.text), false);
  return said;
}

/** The runs a pattern finds in what the bot said that are not the user's own words (their messages and files). */
function foreignRuns(said: Said[], run: RegExp, userData: string): string[] {
  const own = userData.toLowerCase();
  return said.flatMap(({ where, words }) =>
    [...words.matchAll(run)].map((match) => match[0].trim()).flatMap((found) => (own.includes(found.toLowerCase()) ? [] : [`${found}   ← ${where}`])),
  );
}

interface Language {
  code: string;
  userId: number;
  skip: string;
  importButton: string;
  /** How this user says "yesterday", "9 in the evening" and a city, to /today, /digest and /timezone. */
  yesterday: string;
  evening: string;
  city: string;
  tags: string;
  note: string;
}

/**
 * One user's session through every command people use daily, as they would type it; returns what the user sent
 * (their own data, which may be in any language) and a few replies for closer checks.
 */
async function session(emulator: Emulator, language: Language) {
  const { userId } = language;
  const user = () => emulator.user({ id: userId, first_name: "Lin", language_code: language.code });
  const sent: string[] = [fixture, "study-log.md"];
  const replies: Record<string, Message> = {};

  async function command(text: string, name = text): Promise<Message> {
    sent.push(text);
    const since = emulator.mark();
    user().command(text);
    return (replies[name] = await nextMessage(emulator, userId, since));
  }

  replies.start = await command("/start");

  // Save a link, tag it, and write a note in reply to the confirmation.
  const link = "https://example.org/rust-async";
  sent.push(link, language.tags, language.note);
  let since = emulator.mark();
  user().sendText(link);
  const question = await nextMessage(emulator, userId, since);
  expect(buttonsOf(question).map((b) => b.text)).toContain(language.skip);
  since = emulator.mark();
  user().sendText(language.tags);
  replies.tagged = await nextEdit(emulator, question, since);
  since = emulator.mark();
  user().reply(replies.tagged, language.note);
  replies.noted = await nextMessage(emulator, userId, since);
  // The same link again: when it was saved.
  since = emulator.mark();
  user().sendText(link);
  replies.duplicate = await nextMessage(emulator, userId, since);

  replies.unread = await command("/unread");
  const linkId = /\/link_(\d+)/.exec(replies.unread.text!)![1]!;
  await command(`/link ${linkId}`, "card");
  replies.today = await command("/today");
  replies.otherDay = await command("/today 2026-11-20");
  replies.yesterday = await command(`/today ${language.yesterday}`, "yesterday");
  await command("/search rust");
  await command("/search nothingsuchanywhere");
  replies.notes = await command("/notes");
  await command("/notes 2020-01");
  await command("/help");
  await command("/tags");

  // The export: a document, its caption and its first line.
  sent.push("/export md");
  since = emulator.mark();
  user().command("/export md");
  const exported = (await emulator.waitForCall("sendDocument", (c) => c.response.ok, { since })).response.result as Message;
  const exportHead = emulator.documentContent(exported)!.toString("utf8").split("\n")[0]!;

  // An import: the preview, then Import.
  const file = emulator.addFile(fixture, "study-log.md");
  since = emulator.mark();
  user().sendCaptioned("document", "", { document: { ...file, file_name: "study-log.md", mime_type: "text/markdown" } });
  replies.preview = await nextMessage(emulator, userId, since);
  since = emulator.mark();
  user().press(replies.preview, button(replies.preview, language.importButton).callback_data);
  replies.imported = await nextEdit(emulator, replies.preview, since, /✅/);
  replies.unreadAfterImport = await command("/unread oldest", "unreadAfterImport");

  await command("/digest");
  replies.digestTime = await command(`/digest ${language.evening}`, "digestTime");
  replies.digest = await command("/digest now", "digest");
  await command("/timezone");
  replies.zone = await command(`/timezone ${language.city}`, "zone");
  await command("/timezone USA");
  await command("/timezone Mars/Olympus");
  await command("/language");

  return { userData: sent.join("\n"), replies, exportHead };
}

/** A zh-hans user and an en user each go through a whole session: every word of the bot is in their language. */
describe("the bot speaks the user's language, end to end", () => {
  const harness = appHarness();

  it("a zh-hans user reads no English sentence anywhere, and dates as 12月2日 周三", { timeout: 60_000 }, async () => {
    const since = harness.emulator.mark();
    const { userData, replies, exportHead } = await session(harness.emulator, {
      code: "zh-hans",
      userId: 7001,
      skip: "跳过",
      importButton: "导入",
      tags: "rust async",
      note: "关键在于所有权：谁负责释放内存。",
      yesterday: "昨天",
      evening: "晚上9点",
      city: "北京",
    });
    const said = everythingSaid(harness.emulator, 7001, since);
    expect(said.length).toBeGreaterThan(30);
    expect(foreignRuns(said, ENGLISH_RUN, userData)).toEqual([]);

    expect(replies.start!.text).toContain("你好，Lin！");
    expect(replies.tagged!.text).toContain("标签：#async #rust");
    expect(replies.noted!.text).toMatch(/^📝 笔记已加到 example\.org › rust-async。/);
    expect(replies.duplicate!.text).toMatch(/^这个链接(\d{4}年)?\d{1,2}月\d{1,2}日已经保存过：/);
    expect(replies.today!.text).toMatch(/^📅 今天 · (\d{4}年)?\d{1,2}月\d{1,2}日 周[一二三四五六日]\n/);
    expect(replies.otherDay!.text).toMatch(/^📅 (2026年)?11月20日 周五\n/);
    // The link was saved just now: its day is called today, not dated.
    expect(replies.unread!.text).toMatch(/\n📅 今天\n1\. /);
    expect(replies.unreadAfterImport!.text).toContain("📅 2020年8月6日 周四");
    expect(replies.notes!.text).toMatch(/^📝 笔记 · (\d{4}年)?\d{1,2}月\d{1,2}日至(\d{4}年)?(\d{1,2}月)?\d{1,2}日\n1 个链接，共 1 条笔记/);
    expect(replies.preview!.text).toContain("study-log.md（markdown 日志）");
    expect(replies.preview!.text).toContain("保存于2020年8月6日至2021年6月22日");
    expect(replies.imported!.text).toContain("✅ 已导入 12 个链接：新增 12 个");
    expect(replies.digest!.text).toMatch(/^☀️ 你的 linklog · (\d{4}年)?\d{1,2}月\d{1,2}日 周[一二三四五六日]\n/);
    expect(exportHead).toBe("# linklog 导出");
    expect(replies.yesterday!.text).toMatch(/^📅 (\d{4}年)?\d{1,2}月\d{1,2}日 周[一二三四五六日]\n/);
    expect(replies.digestTime!.text).toContain("21:00");
    expect(replies.zone!.text).toMatch(/^🕗 时区已设为 Asia\/Shanghai，当地现在 \d\d:\d\d。/);
  });

  it("an English user reads no Chinese but their own, and dates as Wed, Dec 2", { timeout: 60_000 }, async () => {
    const since = harness.emulator.mark();
    const { userData, replies, exportHead } = await session(harness.emulator, {
      code: "en",
      userId: 7002,
      skip: "Skip",
      importButton: "Import",
      tags: "rust async",
      note: "The key idea is ownership: who frees the memory.",
      yesterday: "yesterday",
      evening: "9pm",
      city: "Beijing",
    });
    const said = everythingSaid(harness.emulator, 7002, since);
    expect(said.length).toBeGreaterThan(30);
    expect(foreignRuns(said, CHINESE_RUN, userData)).toEqual([]);

    expect(replies.today!.text).toMatch(/^📅 Today · (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}\n/);
    expect(replies.otherDay!.text).toMatch(/^📅 Fri, Nov 20(, 2026)?\n/);
    expect(replies.unreadAfterImport!.text).toContain("📅 Thu, Aug 6, 2020");
    expect(replies.preview!.text).toContain("Saved between Aug 6, 2020 and Jun 22, 2021");
    expect(replies.notes!.text).toMatch(/\n1 note on 1 link/);
    expect(replies.card!.text).toContain("Tags: #async #rust");
    expect(exportHead).toBe("# linklog export");
  });

  it("finds what it is meant to find", () => {
    const said = (words: string): Said[] => [{ where: "test", words: prose(words) }];
    expect(foreignRuns(said("已保存：<code>/unread oldest first</code> · example.org · #rust"), ENGLISH_RUN, "")).toEqual([]);
    expect(foreignRuns(said("已保存 3 个链接 · Saved three links"), ENGLISH_RUN, "")).toEqual(["Saved three links   ← test"]);
    expect(foreignRuns(said("Note: Saved three links"), ENGLISH_RUN, "I wrote: saved three links")).toEqual([]);
    expect(foreignRuns(said("Saved · no tags: <code>机器学习</code>"), CHINESE_RUN, "")).toEqual([]);
    expect(foreignRuns(said("Tags: 机器学习"), CHINESE_RUN, "")).toEqual(["机器学习   ← test"]);
  });
});
