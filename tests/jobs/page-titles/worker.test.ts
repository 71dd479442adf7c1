import type { I18n } from "@grammyjs/i18n";
import type { ServerResponse } from "node:http";
import type { Api } from "grammy";
import { Redraws } from "../../../src/questions/redraws.js";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPageTitleWorker, type PageTitleWorker } from "../../../src/jobs/page-titles/worker.js";
import { createLimiter } from "../../../src/fetch/limiter.js";
import type { KeyedLink } from "../../../src/portable/merge.js";
import { importLinks } from "../../../src/store/import.js";
import { saveLinks } from "../../../src/store/links.js";
import { eventually } from "../../support/bot-process.js";
import { databaseForEachTest } from "../../support/database-fixture.js";
import { localOptions, resolverFor, serveLocally, type LocalServer } from "../../support/local-server.js";

const NOW = Date.UTC(2026, 11, 2);
const HOSTS = ["github.test", "medium.test", "dev.test"];

/** The worker over a real queue and a site on 127.0.0.1 that holds every imported page until the test lets go. */
describe("the page-title worker with a large import queued", () => {
  const fixture = databaseForEachTest(1);
  let site: LocalServer;
  let worker: PageTitleWorker;
  const held: ServerResponse[] = [];
  let holding = true;
  const inFlight = new Map<string, number>();
  const mostAtOnce = new Map<string, number>();
  const release = () => held.splice(0).forEach((response) => response.end("<title>Imported page</title>"));

  beforeEach(async () => {
    holding = true;
    site = await serveLocally({
      "/held": (request, response) => {
        const host = request.headers.host!.split(":")[0]!;
        inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
        mostAtOnce.set(host, Math.max(mostAtOnce.get(host) ?? 0, inFlight.get(host)!));
        response.on("close", () => inFlight.set(host, inFlight.get(host)! - 1));
        response.writeHead(200, { "content-type": "text/html" });
        held.push(response);
        if (!holding) release();
      },
      "/live": (_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<title>The live page</title>"),
    });
    const resolve = resolverFor(Object.fromEntries([...HOSTS, "live.test"].map((host) => [host, ["127.0.0.1"]])));
    worker = createPageTitleWorker({
      db: fixture.db,
      api: {} as Api,
      i18n: {} as I18n,
      logger: pino({ level: "silent" }),
      clock: () => NOW,
      fetchOptions: localOptions({ resolve, limiter: createLimiter(4) }),
      redraws: new Redraws(0, () => undefined),
      questionTimeoutMs: 60_000,
    });
  });
  afterEach(async () => {
    // Fetches already on their way are answered too, so stopping the worker waits for none of them.
    holding = false;
    release();
    await worker.stop();
    await site.close();
  });

  it("fetches a live save at the next tick while 5,000 imported links wait, one request per host at a time", async () => {
    const { db } = fixture;
    const links = Array.from({ length: 5_000 }, (_, i): KeyedLink => {
      const url = `http://${HOSTS[i % HOSTS.length]}:${site.port}/held?i=${i}`;
      return { url, urlKey: url, title: null, tags: [], notes: [], savedAt: NOW - 1_000, read: false, readAt: null };
    });
    expect(await importLinks(db, 1, links, NOW)).toMatchObject({ added: 5_000, titlesQueued: 5_000 });

    for (let i = 0; i < 5; i++) await worker.tick();
    await eventually(() => held.length === 2, "two background fetches to reach the site");

    const [saved] = await saveLinks(db, 1, [{ url: `http://live.test:${site.port}/live`, urlKey: "live", title: null, source: null }], NOW);
    await worker.tick();
    const live = await db.selectFrom("links").select(["title", "fetch_status"]).where("id", "=", saved!.link.id).executeTakeFirstOrThrow();
    expect(live).toEqual({ title: "The live page", fetch_status: "done" });

    // The background kept to its two places on two different hosts, each host asked once at a time.
    expect(held).toHaveLength(2);
    expect([...mostAtOnce.values()]).toEqual([1, 1]);

    // Once a site answers, the next of its links is fetched; still never two at once on one host.
    await eventually(async () => {
      release();
      await worker.tick();
      return (await db.selectFrom("links").select("id").where("title", "=", "Imported page").execute()).length >= 6;
    }, "more imported pages to be fetched as the site answers");
    expect(Math.max(...mostAtOnce.values())).toBe(1);
  });
});
