import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { previewImport, readImport, writeImport, type ImportSource } from "../../src/imports/pipeline.js";
import { databaseForEachTest } from "../support/database-fixture.js";
import { inEnglish } from "../support/problems-in-english.js";

const user = { timeZone: "UTC", now: Date.UTC(2026, 10, 25) };
const caps = { maxBytes: 1024 * 1024, maxLinks: 1000 };
const fixture = readFileSync(new URL("../fixtures/study-log.md", import.meta.url));

/** A source that remembers the cap it was asked to read under, as the bot's download and the CLI's disk read are. */
function source(fileName: string, bytes: Uint8Array): ImportSource & { askedMax: number[] } {
  const askedMax: number[] = [];
  return { fileName, askedMax, load: async (maxBytes) => (askedMax.push(maxBytes), bytes.length > maxBytes ? null : bytes) };
}

describe("the import pipeline the bot and the command line share", () => {
  const fixtureDb = databaseForEachTest(1);

  it("reads, previews against what the user has, then writes once", async () => {
    const { db } = fixtureDb;
    const read = (await readImport(source("study-log.md", fixture), user, caps))!;
    expect(read.parsed.format).toBe("markdown log");
    expect(await previewImport(db, 1, read)).toMatchObject({ found: 12, alreadySaved: 0, cutAt: null });
    expect(await writeImport(db, 1, read, user.now)).toEqual({ added: 12, updated: 0, notesAdded: 1, titlesQueued: 9 });
    expect(await previewImport(db, 1, read)).toMatchObject({ found: 12, alreadySaved: 12 });
  });

  it("reads no more bytes than IMPORT_MAX_BYTES, and says so with null", async () => {
    const file = source("study-log.md", fixture);
    expect(await readImport(file, user, { ...caps, maxBytes: fixture.length - 1 })).toBeNull();
    expect(file.askedMax).toEqual([fixture.length - 1]);
  });

  it("reads no more links than IMPORT_MAX_LINKS, and the preview says where it stopped", async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `https://example.org/${i}`).join("\n");
    const read = (await readImport(source("many.md", new TextEncoder().encode(lines)), user, { ...caps, maxLinks: 5 }))!;
    expect(read.links).toHaveLength(5);
    expect(await previewImport(fixtureDb.db, 1, read)).toMatchObject({ found: 5, cutAt: 5 });
  });

  it("caps what a zip may unpack to at IMPORT_MAX_BYTES too", async () => {
    const { zipSync, strToU8 } = await import("fflate");
    const zip = zipSync({ "part.csv": strToU8(`title,url,time_added,tags,status\n${"x".repeat(4096)},https://a.example/,1,,unread\n`) });
    const read = (await readImport(source("pocket.zip", zip), user, { ...caps, maxBytes: 1000 }))!;
    expect(inEnglish(read.parsed.problems)).toEqual([{ line: 1, text: "the zip unpacks to more than 1000 bytes; nothing was imported" }]);
  });
});
