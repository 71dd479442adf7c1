import { describe, expect, it } from "vitest";
import { addressCheck } from "../../src/fetch/address-policy.js";

const NOT_PUBLIC = [
  "127.0.0.1",
  "127.8.9.10",
  "10.1.2.3",
  "172.16.0.1",
  "172.31.255.254",
  "192.168.0.1",
  "169.254.169.254",
  "100.64.0.1",
  "224.0.0.1",
  "0.0.0.0",
  "255.255.255.255",
  "240.0.0.1",
  "192.0.2.1",
  "::1",
  "::",
  "fc00::1",
  "fd12:3456::1",
  "fe80::1",
  "ff02::1",
  "::ffff:10.0.0.1",
  "::ffff:127.0.0.1",
  "::ffff:169.254.169.254",
  // Every range that is not global unicast, however an IPv4 address hides inside an IPv6 one.
  "::127.0.0.1",
  "::7f00:1",
  "::10.0.0.1",
  "::8.8.8.8",
  "::ffff:7f00:1",
  "64:ff9b::7f00:1",
  "64:ff9b::a00:1",
  "64:ff9b:1::a00:1",
  "2002:7f00:1::",
  "2002:a9fe:a9fe::1",
  "2001:0:4136:e378:8000:63bf:3fff:fdd2",
  "::ffff:0:7f00:1",
  "100::1",
  "5f00::1",
  "fec0::1",
  "2001:db8::1",
  "3fff::1",
  "2001:2::1",
  "198.18.0.1",
  "198.51.100.7",
  "203.0.113.9",
  "192.0.0.8",
  "192.88.99.1",
];

describe("which addresses the fetcher may connect to", () => {
  it.each(NOT_PUBLIC)("refuses %s by default", (address) => {
    expect(addressCheck(false)(address)).toBe(false);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("allows public %s", (address) => {
    expect(addressCheck(false)(address)).toBe(true);
  });

  it("refuses what is not an address at all", () => {
    expect(addressCheck(false)("localhost")).toBe(false);
  });

  it("lets through exactly the listed private addresses, however they are written", () => {
    const allowed = addressCheck(["127.0.0.1"]);
    expect(allowed("127.0.0.1")).toBe(true);
    expect(allowed("::ffff:127.0.0.1")).toBe(true);
    expect(allowed("127.0.0.2")).toBe(false);
    expect(allowed("10.0.0.1")).toBe(false);
  });

  it("lets through every address when private addresses are allowed", () => {
    expect(NOT_PUBLIC.every(addressCheck(true))).toBe(true);
  });
});
