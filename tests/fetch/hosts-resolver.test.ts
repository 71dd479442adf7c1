import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hostsOnlyResolver, parseHostsFile } from "../../src/fetch/hosts-resolver.js";

describe("hosts-only resolver (what the test suite runs the bot with)", () => {
  const dir = mkdtempSync(join(tmpdir(), "linklog-hosts-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const hosts = join(dir, "hosts");
  writeFileSync(hosts, "127.0.0.1 localhost Loopback.Test # a comment\n::1 localhost ip6-localhost\n# 10.0.0.1 commented.out\nnot-an-address name\n");

  it("reads every name of a hosts file, with both families, ignoring comments and junk", () => {
    const names = parseHostsFile("127.0.0.1 a b\n::1 a\n# 1.2.3.4 c\nx y\n");
    expect(names.get("a")).toEqual([
      { address: "127.0.0.1", family: 4 },
      { address: "::1", family: 6 },
    ]);
    expect(names.has("c")).toBe(false);
    expect(names.has("y")).toBe(false);
  });

  it("answers names from the file and address literals, case-insensitively", async () => {
    const resolve = hostsOnlyResolver(hosts);
    expect(await resolve("LOCALHOST")).toEqual([
      { address: "127.0.0.1", family: 4 },
      { address: "::1", family: 6 },
    ]);
    expect(await resolve("loopback.test")).toEqual([{ address: "127.0.0.1", family: 4 }]);
    expect(await resolve("192.0.2.7")).toEqual([{ address: "192.0.2.7", family: 4 }]);
  });

  it("fails any other name as unknown, without asking DNS", async () => {
    const resolve = hostsOnlyResolver(hosts);
    await expect(resolve("example.org")).rejects.toMatchObject({ code: "ENOTFOUND", hostname: "example.org" });
    await expect(resolve("commented.out")).rejects.toMatchObject({ code: "ENOTFOUND" });
  });
});
