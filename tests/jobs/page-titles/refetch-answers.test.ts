import type { Api } from "grammy";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPageTitleWorker } from "../../../src/jobs/page-titles/worker.js";
import { Redraws } from "../../../src/questions/redraws.js";
import { saveLinks } from "../../../src/store/links.js";
import { requestRefetch } from "../../../src/store/page-info.js";
import { createI18n } from "../../../src/telegram/i18n.js";
import { databaseForEachTest } from "../../support/database-fixture.js";
import { localOptions, resolverFor, serveLocally, type LocalServer } from "../../support/local-server.js";

const NOW = Date.UTC(2026, 11, 3, 9);
const MINUTE = 60_000;

/**
 * The /refetch answer is a row, so the worker of a process started after the command (a restart) still edits it;
 * an answer older than the window is forgotten without an edit, and a failure that will be retried keeps it.
 */
describe("the answers to /refetch, as the title worker edits them", () => {
  const fixture = databaseForEachTest(1);
  let site: LocalServer;
  let flaky = 0;
  beforeAll(async () => {
    site = await serveLocally({
      "/page": (_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<title>Fresh title</title>"),
      // Down once (a passing failure, retried in a minute), then up.
      "/flaky": (_request, response) =>
        flaky++ === 0 ? response.writeHead(503).end() : response.writeHead(200, { "content-type": "text/html" }).end("<title>Back up</title>"),
    });
  });
  afterAll(async () => site.close());

  /** A worker of a freshly started process, with the edits it makes. */
  function startedWorker(clock: () => number) {
    const edits: { chatId: number; messageId: number; text: string }[] = [];
    const api = { editMessageText: async (chatId: number, messageId: number, text: string) => void edits.push({ chatId, messageId, text }) };
    const worker = createPageTitleWorker({
      db: fixture.db,
      api: api as unknown as Api,
      i18n: createI18n(),
      logger: pino({ level: "silent" }),
      clock,
      fetchOptions: localOptions({ resolve: resolverFor({ "site.test": ["127.0.0.1"] }) }),
      redraws: new Redraws(0, () => undefined),
      questionTimeoutMs: MINUTE,
    });
    return { worker, edits };
  }

  async function linkAt(path: string): Promise<number> {
    const url = `http://site.test:${site.port}${path}`;
    const [saved] = await saveLinks(fixture.db, 1, [{ url, urlKey: url, title: null, source: null }], NOW - 10 * MINUTE);
    await fixture.db.updateTable("links").set({ fetch_status: "done", fetch_next_at: null }).execute();
    return saved!.link.id;
  }

  it("edits an answer stored before a restart, once, and forgets it", async () => {
    const id = await linkAt("/page");
    expect(await requestRefetch(fixture.db, 1, id, NOW, { chatId: 1, messageId: 42 })).toBe(true);
    // The process that took the command is gone; a new one starts a few minutes later.
    const { worker, edits } = startedWorker(() => NOW + 3 * MINUTE);
    await worker.tick();
    await worker.stop();
    expect(edits).toEqual([{ chatId: 1, messageId: 42, text: "🔄 Fetched the page again. Its title: <b>Fresh title</b>" }]);
    expect(await fixture.db.selectFrom("refetch_answers").selectAll().execute()).toEqual([]);
  });

  it("leaves an answer unedited when the fetch ends long after the command", async () => {
    const id = await linkAt("/page");
    await requestRefetch(fixture.db, 1, id, NOW, { chatId: 1, messageId: 43 });
    const { worker, edits } = startedWorker(() => NOW + 60 * MINUTE);
    await worker.tick();
    await worker.stop();
    expect(edits).toEqual([]);
    expect(await fixture.db.selectFrom("refetch_answers").selectAll().execute()).toEqual([]);
  });

  it("says a passing failure will be tried again, and edits the answer once more when the retry brings the title", async () => {
    const id = await linkAt("/flaky");
    await requestRefetch(fixture.db, 1, id, NOW, { chatId: 1, messageId: 44 });
    let now = NOW;
    const { worker, edits } = startedWorker(() => now);
    await worker.tick();
    expect(edits.map((edit) => edit.text)).toEqual(["⚠️ Could not fetch the page: the site answered with error 503. I will try again shortly."]);
    now += 2 * MINUTE;
    await worker.tick();
    await worker.stop();
    expect(edits.map((edit) => edit.text).at(-1)).toBe("🔄 Fetched the page again. Its title: <b>Back up</b>");
    expect(await fixture.db.selectFrom("refetch_answers").selectAll().execute()).toEqual([]);
  });
});
