import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostsOnlyLookup } from "../../src/fetch/hosts-resolver.js";
import { ServerError, telegramTransport } from "../../src/telegram/transport.js";
import { unreachableReason } from "../../src/telegram/unreachable.js";
import { serveLocally, type LocalServer } from "../support/local-server.js";

describe("the transport below the Bot API client", () => {
  let server: LocalServer;
  const dir = mkdtempSync(join(tmpdir(), "linklog-transport-"));
  beforeAll(async () => {
    server = await serveLocally({
      "/bot1:x/getMe": (_, response) => response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true,"result":{}}'),
      "/bot1:x/proxied": (_, response) => response.writeHead(502, { "content-type": "text/html" }).end("<h1>502 Bad Gateway</h1>"),
      "/bot1:x/failing": (_, response) => response.writeHead(500, { "content-type": "application/json" }).end('{"ok":false,"error_code":500}'),
      "/bot1:x/silent": () => undefined,
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("turns a server error without a Bot API body into one that keeps its status", async () => {
    const fetch = telegramTransport({ apiRoot: server.origin });
    const error: unknown = await fetch(`${server.origin}/bot1:x/proxied`, { method: "POST" }).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(ServerError);
    expect(unreachableReason(error)).toBe("HTTP 502 Bad Gateway");
  });

  it("hands a Bot API error body up as the answer it is", async () => {
    const response = await telegramTransport({ apiRoot: server.origin })(`${server.origin}/bot1:x/failing`, { method: "POST" });
    expect(response.status).toBe(500);
  });

  it("gives up on a server that does not answer, as ETIMEDOUT", async () => {
    const fetch = telegramTransport({ apiRoot: server.origin, timeoutMs: 100 });
    const error: unknown = await fetch(`${server.origin}/bot1:x/silent`, { method: "POST" }).catch((error: unknown) => error);
    expect(unreachableReason(error)).toBe("ETIMEDOUT");
  });

  it("finds the API root's address with the look-up it is given, and never asks DNS", async () => {
    const hosts = join(dir, "hosts");
    writeFileSync(hosts, "127.0.0.1 api.telegram.test\n");
    const apiRoot = `http://api.telegram.test:${server.port}`;
    const response = await telegramTransport({ apiRoot, lookup: hostsOnlyLookup(hosts) })(`${apiRoot}/bot1:x/getMe`, { method: "POST" });
    expect(response.status).toBe(200);

    const unknown = telegramTransport({ apiRoot: "http://api.telegram.invalid", lookup: hostsOnlyLookup(hosts) });
    const error: unknown = await unknown("http://api.telegram.invalid/bot1:x/getMe", { method: "POST" }).catch((error: unknown) => error);
    expect(unreachableReason(error)).toBe("ENOTFOUND");
  });
});
