import { Readable, type Writable } from "node:stream";
import { createGzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPageInfo } from "../../src/fetch/fetch-page.js";
import { createLimiter } from "../../src/fetch/limiter.js";
import { localOptions, serveLocally, type LocalServer, type Route } from "../support/local-server.js";

const MiB = 1024 * 1024;
const FILLER = Buffer.alloc(64 * 1024, " ");

/** Writes `size` bytes as fast as the reader takes them; a piped source stops when its reader closes. */
function fill(to: Writable, size: number): void {
  const chunks = function* () {
    for (let sent = 0; sent < size; sent += FILLER.length) yield FILLER;
  };
  Readable.from(chunks()).pipe(to, { end: false });
}

/** When the fetcher last hung up on an endless page. */
let hungUp: Promise<void> = Promise.resolve();

/** A page whose response never ends: only a fetcher that stops at its cap can return before its timeout. */
function endless(title: string, filler: number, compress = false): Route {
  return (_request, response) => {
    hungUp = new Promise((resolve) => response.on("close", resolve));
    response.writeHead(200, { "content-type": "text/html", ...(compress && { "content-encoding": "gzip" }) });
    const body = compress ? createGzip() : response;
    if (compress) body.pipe(response);
    body.write(`<title>${title}</title>`);
    fill(body, filler);
  };
}

let server: LocalServer;
let open = 0;
let mostOpen = 0;

beforeAll(async () => {
  server = await serveLocally({
    "/stalls": (_request, response) => response.writeHead(200, { "content-type": "text/html" }).write("<title>Never fin"),
    "/silent": () => {},
    "/huge": endless("Big page", 5 * MiB),
    "/bomb": endless("Small on the wire", 8 * MiB, true),
    "/late-title": (_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(`${" ".repeat(128 * 1024)}<title>Too far down</title>`),
    "/held": (_request, response) => {
      mostOpen = Math.max(mostOpen, ++open);
      response.on("close", () => open--);
      // Holding each answer a while lets unlimited fetches pile up at the server; the limit is what keeps them out.
      setTimeout(() => response.writeHead(200, { "content-type": "text/html" }).end("<title>Held</title>"), 100);
    },
  });
});

afterAll(() => server.close());

describe("a slow page", () => {
  it.each(["/stalls", "/silent"])("is given up at the timeout (%s)", async (path) => {
    const started = Date.now();
    const result = await fetchPageInfo(`${server.origin}${path}`, localOptions({ timeoutMs: 300 }));
    expect(result).toMatchObject({ kind: "failed", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("counts a lookup that never answers against the timeout", async () => {
    const result = await fetchPageInfo("http://hanging.test/", localOptions({ timeoutMs: 300, resolve: () => new Promise(() => {}) }));
    expect(result).toMatchObject({ kind: "failed", reason: "timeout" });
  });
});

describe("the body cap", () => {
  it("stops a 5 MiB page at 1 MiB, keeps the title that came first, and hangs up", async () => {
    const result = await fetchPageInfo(`${server.origin}/huge`, localOptions({ timeoutMs: 4_000 }));
    expect(result).toMatchObject({ kind: "html", title: "Big page" });
    await hungUp;
  });

  it("counts decompressed bytes, so a small compressed bomb is cut as well", async () => {
    const result = await fetchPageInfo(`${server.origin}/bomb`, localOptions({ timeoutMs: 4_000 }));
    expect(result).toMatchObject({ kind: "html", title: "Small on the wire" });
    await hungUp;
  });

  it("does not find a title that lies past the cap", async () => {
    const result = await fetchPageInfo(`${server.origin}/late-title`, localOptions({ maxBytes: 64 * 1024 }));
    expect(result).toMatchObject({ kind: "html", title: undefined });
  });
});

describe("the concurrency limit", () => {
  it("keeps at most two fetches open at the server when the limit is two", async () => {
    const limiter = createLimiter(2);
    const results = await Promise.all(Array.from({ length: 4 }, () => fetchPageInfo(`${server.origin}/held`, localOptions({ limiter }))));
    expect(results.map((result) => result.kind === "html" && result.title)).toEqual(["Held", "Held", "Held", "Held"]);
    expect(mostOpen).toBe(2);
  });
});
