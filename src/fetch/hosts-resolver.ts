import { readFileSync } from "node:fs";
import { isIP, type LookupFunction } from "node:net";
import { checkedLookup, type Resolver } from "./address-policy.js";

/** The names a hosts file gives addresses to, lower-cased. */
export function parseHostsFile(text: string): Map<string, { address: string; family: number }[]> {
  const names = new Map<string, { address: string; family: number }[]>();
  for (const line of text.split("\n")) {
    const [address, ...aliases] = line.replace(/#.*/, "").trim().split(/\s+/);
    const family = address ? isIP(address) : 0;
    if (family === 0) continue;
    for (const alias of aliases) names.set(alias.toLowerCase(), [...(names.get(alias.toLowerCase()) ?? []), { address: address!, family }]);
  }
  return names;
}

/**
 * A resolver that never asks DNS: names in the hosts file and address literals only, anything else fails as a
 * name nobody knows. The test suite runs the bot with it, so saving "example.org" sends no query off the machine.
 */
export function hostsOnlyResolver(hostsFile = "/etc/hosts"): Resolver {
  let names: Map<string, { address: string; family: number }[]> | undefined;
  return async (hostname) => {
    const family = isIP(hostname);
    if (family !== 0) return [{ address: hostname, family }];
    names ??= parseHostsFile(readFileSync(hostsFile, "utf8"));
    const found = names.get(hostname.toLowerCase());
    if (found) return found;
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
  };
}

/** The same names for the connections of an HTTP agent (the Telegram client's): any address they give is allowed. */
export function hostsOnlyLookup(hostsFile?: string): LookupFunction {
  return checkedLookup(hostsOnlyResolver(hostsFile), () => true);
}
