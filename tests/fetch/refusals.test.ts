import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPageInfo } from "../../src/fetch/fetch-page.js";
import { localOptions, resolverFor, respond, serveLocally, type LocalServer, type Route } from "../support/local-server.js";

const redirect =
  (location: string): Route =>
  (_request, response) =>
    response.writeHead(302, { location }).end();

let server: LocalServer;

beforeAll(async () => {
  const hops = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`/hop/${i + 1}`, redirect(`./${i}`)]));
  server = await serveLocally({
    ...hops,
    "/hop/0": respond("<title>Arrived</title>"),
    "/page": respond("<title>Local page</title>"),
    "/to-private-address": redirect("http://10.0.0.1/"),
    "/to-private-name": redirect("http://intranet.test/"),
    "/to-file": redirect("file:///etc/passwd"),
  });
});

afterAll(() => server.close());

/** Every refusal here happens before a connection; the server is there to show that none was made. */
async function expectRefused(url: string, resolved: Record<string, string[]> = {}, allowed: readonly string[] | false = false) {
  const before = server.connections;
  const result = await fetchPageInfo(url, { resolve: resolverFor(resolved), allowPrivateAddresses: allowed });
  expect(result).toMatchObject({ kind: "failed", reason: "refused-address" });
  expect(server.connections).toBe(before);
  return result;
}

describe("schemes", () => {
  it.each(["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/notes.txt", "data:text/html,<title>x</title>"])("refuses %s", async (url) => {
    expect(await fetchPageInfo(url, { resolve: resolverFor() })).toMatchObject({ kind: "failed", reason: "bad-scheme" });
  });

  it("refuses a redirect to a file", async () => {
    expect(await fetchPageInfo(`${server.origin}/to-file`, localOptions())).toMatchObject({ reason: "bad-scheme", scheme: "file" });
  });
});

describe("addresses", () => {
  it.each([
    (port: number) => `http://127.0.0.1:${port}/page`,
    (port: number) => `http://0x7f.1:${port}/page`,
    (port: number) => `http://2130706433:${port}/page`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/page`,
    (port: number) => `http://[::1]:${port}/page`,
    () => "http://169.254.169.254/latest/meta-data/",
    () => "http://10.0.0.1/",
    () => "http://172.16.5.4/",
    () => "http://192.168.1.1/",
    () => "http://100.64.0.1/",
    () => "http://0.0.0.0/",
    () => "http://[fd00::1]/",
    () => "http://[fe80::1]/",
    // IPv4 inside IPv6: compatible, mapped in hexadecimal, NAT64, 6to4; and ranges that are no one's to visit.
    (port: number) => `http://[::127.0.0.1]:${port}/page`,
    (port: number) => `http://[::ffff:7f00:1]:${port}/page`,
    (port: number) => `http://[64:ff9b::7f00:1]:${port}/page`,
    (port: number) => `http://[2002:7f00:1::]:${port}/page`,
    () => "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    () => "http://[::]/",
    () => "http://[2001:db8::1]/",
    () => "http://198.18.0.1/",
    () => "http://203.0.113.9/",
  ])("refuses an address written in the URL (%#)", async (url) => {
    await expectRefused(url(server.port));
  });

  it("refuses a name that resolves to a private address, without connecting", async () => {
    const result = await expectRefused(`http://sneaky.test:${server.port}/page`, { "sneaky.test": ["127.0.0.1"] });
    expect(result).toMatchObject({ address: "127.0.0.1" });
    await expectRefused(`http://mapped.test:${server.port}/page`, { "mapped.test": ["::ffff:127.0.0.1"] });
    await expectRefused(`http://compatible.test:${server.port}/page`, { "compatible.test": ["::127.0.0.1"] });
  });

  it("refuses a name when any of its addresses is refused", async () => {
    const result = await expectRefused(`http://mixed.test:${server.port}/page`, { "mixed.test": ["127.0.0.1", "10.0.0.5"] }, ["127.0.0.1"]);
    expect(result).toMatchObject({ address: "10.0.0.5" });
  });

  it("reaches a private address when allowPrivateAddresses is true", async () => {
    const result = await fetchPageInfo(`http://sneaky.test:${server.port}/page`, {
      resolve: resolverFor({ "sneaky.test": ["127.0.0.1"] }),
      allowPrivateAddresses: true,
    });
    expect(result).toMatchObject({ kind: "html", title: "Local page", finalUrl: `http://sneaky.test:${server.port}/page` });
  });

  it("sends no credentials written in the URL and does not return them", async () => {
    const result = await fetchPageInfo(`http://reader:secret@127.0.0.1:${server.port}/page`, localOptions());
    expect(result).toMatchObject({ kind: "html", finalUrl: `${server.origin}/page` });
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
  });
});

describe("redirects", () => {
  it("follows five, resolving relative locations", async () => {
    expect(await fetchPageInfo(`${server.origin}/hop/5`, localOptions())).toMatchObject({
      kind: "html",
      title: "Arrived",
      finalUrl: `${server.origin}/hop/0`,
    });
  });

  it("refuses a sixth", async () => {
    expect(await fetchPageInfo(`${server.origin}/hop/6`, localOptions())).toMatchObject({ kind: "failed", reason: "too-many-redirects" });
  });

  it("checks every hop: a redirect to a private address is refused", async () => {
    const options = localOptions({ resolve: resolverFor({ "public.test": ["127.0.0.1"], "intranet.test": ["192.168.1.10"] }) });
    expect(await fetchPageInfo(`http://public.test:${server.port}/to-private-address`, options)).toEqual({
      kind: "failed",
      url: "http://10.0.0.1/",
      reason: "refused-address",
      address: "10.0.0.1",
    });
    expect(await fetchPageInfo(`http://public.test:${server.port}/to-private-name`, options)).toMatchObject({
      url: "http://intranet.test/",
      reason: "refused-address",
      address: "192.168.1.10",
    });
  });
});
