import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { htmlHead, htmlItem, htmlTail } from "../../src/portable/netscape-html.js";
import { jsonHead, jsonItem, jsonTail } from "../../src/portable/linklog-json.js";
import { mergeDuplicates } from "../../src/portable/merge.js";
import type { PortableLink } from "../../src/portable/model.js";
import { parseImportFile } from "../../src/portable/parse-file.js";
import { previewOf } from "../../src/portable/preview.js";

const context = { timeZone: "UTC", now: Date.UTC(2026, 10, 25), maxLinks: 3 };
const bytes = (text: string) => new TextEncoder().encode(text);
const link = (i: number): PortableLink => ({ url: `https://example.org/${i}`, title: `T${i}`, tags: [], notes: [], savedAt: null, read: false, readAt: null });
const links = (count: number) => Array.from({ length: count }, (_, i) => link(i + 1));
const pocketRows = (count: number) =>
  `title,url,time_added,tags,status\n${links(count)
    .map((l) => `${l.title},${l.url},1600000000,,unread\n`)
    .join("")}`;

const files: [string, (count: number) => Uint8Array][] = [
  [
    "log.md",
    (count) =>
      bytes(
        links(count)
          .map((l) => `${l.url} ${l.title}\n`)
          .join(""),
      ),
  ],
  ["bookmarks.html", (count) => bytes(htmlHead() + links(count).map(htmlItem).join("") + htmlTail())],
  [
    "pocket.html",
    (count) =>
      bytes(
        `<title>Pocket Export</title><h1>Unread</h1><ul>${links(count)
          .map((l) => `<li><a href="${l.url}">${l.title}</a></li>`)
          .join("")}</ul>`,
      ),
  ],
  ["pocket.csv", (count) => bytes(pocketRows(count))],
  ["linklog.json", (count) => bytes(jsonHead(0) + links(count).map(jsonItem).join("") + jsonTail())],
  [
    "pocket.zip",
    (count) => zipSync({ "part_1.csv": strToU8(pocketRows(2)), "part_2.csv": strToU8(pocketRows(count - 2).replaceAll("example.org/", "example.org/b")) }),
  ],
];

describe("the cap on links per file", () => {
  for (const [name, file] of files) {
    it(`${name}: reads only the first links past the cap and says so`, () => {
      const parsed = parseImportFile(name, file(5), context);
      expect(parsed.links).toHaveLength(3);
      expect(parsed.cutAt).toBe(3);
      expect(previewOf(parsed, mergeDuplicates(parsed.links), new Set()).cutAt).toBe(3);
    });

    it(`${name}: a file with exactly as many links as the cap is whole`, () => {
      const parsed = parseImportFile(name, file(3), context);
      expect(parsed.links).toHaveLength(3);
      expect(parsed.cutAt).toBeUndefined();
    });
  }

  it("reads the first links in file order", () => {
    expect(parseImportFile("log.md", files[0]![1](5), context).links.map((l) => l.url)).toEqual([
      "https://example.org/1",
      "https://example.org/2",
      "https://example.org/3",
    ]);
  });
});
