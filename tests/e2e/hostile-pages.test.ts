import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFile, eventually } from "../support/bot-process.js";
import { nextMessage } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { appHarness } from "../support/harness.js";
import { serveLocally, type LocalServer } from "../support/local-server.js";

/** A megabyte of nested unclosed tags, about a kilobyte on the wire: the page that froze the bot for a minute. */
const DEEP_PAGE = gzipSync(`<title>Deep</title>${"<b>".repeat(350_000)}`);
const LINKS = 3;

/** One user's hostile link must not hold up another user's command. */
describe("a page of deeply nested tags, end to end", () => {
  let site: LocalServer;
  let firstServed: () => void;
  const served = new Promise<void>((resolve) => (firstServed = resolve));

  beforeAll(async () => {
    site = await serveLocally({
      "/deep": (_request, response) => {
        response.on("finish", firstServed);
        response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(DEEP_PAGE);
      },
    });
  });
  afterAll(async () => site.close());

  // Reaching 127.0.0.1 is allowed only through this test-only setting.
  const harness = appHarness({ FETCH_ALLOW_PRIVATE: "true" });
  const alice = chatSession(harness, { id: 7201, first_name: "Alice" });
  const bob = chatSession(harness, { id: 7202, first_name: "Bob" });
  const { all: sql } = databaseFile(() => harness.databasePath);

  const deepRows = () => sql<{ fetch_status: string; fetched_title: string | null }>("select fetch_status, fetched_title from links where url like '%/deep%'");
  const allFetched = () => deepRows().length === LINKS && deepRows().every((row) => row.fetch_status !== "pending");

  it("answers another user's every /help within a second while the pages are read, and gives the links their title", async () => {
    const links = Array.from({ length: LINKS }, (_, i) => `${site.origin}/deep?copy=${i}`);
    const since = harness.emulator.mark();
    alice.user().sendText(links.join("\n"));
    await nextMessage(harness.emulator, 7201, since);
    await served;

    // Bob keeps asking until the pages are read, so some of his commands arrive while the bot reads them.
    const waits: number[] = [];
    do {
      const started = performance.now();
      expect((await bob.command("/help")).text).toContain("/refetch");
      waits.push(performance.now() - started);
    } while (!allFetched() && waits.length < 200);
    console.log(`/help answered ${waits.length} times while the deep pages were read, at most after ${Math.max(...waits).toFixed(0)} ms`);
    expect(Math.max(...waits)).toBeLessThan(1_000);

    await eventually(allFetched, "every deep page to be fetched");
    expect(deepRows()).toEqual(Array.from({ length: LINKS }, () => ({ fetch_status: "done", fetched_title: "Deep" })));
  });
});
