// The inputs of issue 13, built in memory from fixed patterns and not timed: each once held the main thread for
// seconds or more, before the reader it aims at was made linear or capped.
import type { Message } from "@grammyjs/types";
import { strToU8, Zip, ZipDeflate } from "fflate";
import { CHINESE, ENGLISH } from "./recall-data.js";

const MiB = 1024 * 1024;
const encode = (text: string) => new TextEncoder().encode(text);

/**
 * `prefix`, then `unit` over and over, `length` characters in all. Decoded from bytes, as a page body or an
 * update's JSON arrive: a string made by repeat and slice is a tree V8 flattens on first use, inside the measure.
 */
function filled(prefix: string, unit: string, length: number): string {
  return Buffer.from((prefix + unit.repeat(Math.ceil(length / unit.length))).slice(0, length)).toString();
}

/** Pages of tags that never close, each one deeper than the last for a parser that keeps an element stack. */
export function deepPages(length: number): string[] {
  const units = ["<b>", "<div>", "<a>", "<div><b><a href=x><span>deep <p>"];
  return units.map((unit) => filled("<title>Deep</title>", unit, length));
}

/**
 * Markdown logs of one long run of spaces between the prefixes and suffixes that make a backtracking pattern
 * almost match: a heading, a link line ending in a lone `\r`, a line separator, a day line.
 */
export function backtrackingLogs(spaces: number): Uint8Array[] {
  const run = " ".repeat(spaces);
  const lines = [`# a${run}x`, `https://example.org/bait${run}\r title`, `✅${run}\u2028`, `- 2020${run}\u2028x`];
  return lines.map((line) => encode(`${line}\nhttps://example.org/fine\n`));
}

/** A Pocket export whose one CSV part inflates to `length` bytes: the same row over and over packs very small. */
export function inflatingZip(length: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const part = new ZipDeflate("part_000000.csv", { level: 9 });
  zip.add(part);
  const row = "Same page,https://example.org/same,1700000000,,unread\n";
  const block = strToU8(row.repeat(Math.floor(Math.min(MiB, length) / row.length)));
  part.push(strToU8("title,url,time_added,tags,status\n"));
  for (let written = 0; written < length; written += block.length) part.push(block, written + block.length >= length);
  zip.end();
  return Buffer.concat(chunks);
}

/** `/search` input: one tag a thousand times, and a thousand different words (the most common ones first). */
export function hostileQueries(): string[] {
  const distinct = [...ENGLISH, ...CHINESE];
  while (distinct.length < 1000) distinct.push(`word${distinct.length}`);
  return ["#a ".repeat(1000), distinct.join(" ")];
}

/** One note of `length` characters: prose, and one unbroken CJK run (every character becomes a bigram). */
export function longNotes(length: number): string[] {
  return [filled("", "rust ownership borrow 进程调度 lifetime ", length), filled("", "进程调度内存线程网络编译", length)];
}

/** A message like the ones saved all day: a few words and one link, as Telegram marks it. */
export function linkMessage(n: number): Message {
  const url = `https://example.org/posts/${n}`;
  const text = `Worth reading later ${url}`;
  return {
    message_id: n,
    date: 0,
    chat: { id: 1, type: "private", first_name: "bench" },
    from: { id: 1, is_bot: false, first_name: "bench" },
    text,
    entities: [{ type: "url", offset: text.indexOf(url), length: url.length }],
  } as Message;
}
