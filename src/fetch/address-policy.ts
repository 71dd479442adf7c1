import ipaddr from "ipaddr.js";
import { isIP, type LookupFunction } from "node:net";

/**
 * Which non-public addresses may be reached: none (`false`, the default), all (`true`, for a bot run against
 * local test servers), or exactly those listed, so a test can reach its own loopback server and still see
 * every other private address refused.
 */
export type PrivateAddressPolicy = boolean | readonly string[];

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type AddressCheck = (address: string) => boolean;

export class RefusedAddress extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to ${address}`);
  }
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * The address the socket would connect to, from the form Node accepts. ipaddr.js reads `::1.2.3.4` as
 * `::ffff:1.2.3.4`, but the socket (like the URL parser, which writes it `::102:304`) reads an IPv4-compatible
 * address, so a dotted tail is rewritten to hexadecimal by the URL parser first.
 */
function parsed(address: string): Address | undefined {
  const family = isIP(address);
  if (family === 4) return ipaddr.IPv4.parse(address);
  if (family !== 6) return undefined;
  try {
    return ipaddr.IPv6.parse(address.includes(".") ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address);
  } catch {
    return undefined;
  }
}

const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");
const NAT64 = ipaddr.parseCIDR("64:ff9b::/96");

const ipv4Of = (high: number, low: number) => ipaddr.fromByteArray([high >> 8, high & 0xff, low >> 8, low & 0xff]) as ipaddr.IPv4;

/**
 * The IPv4 address an IPv6 one leads to: mapped (the socket speaks IPv4 to it), NAT64's well-known prefix and
 * 6to4 (a gateway forwards to it). Teredo hides its address and the local NAT64 prefix leads inside the
 * network; both are refused as ranges of their own.
 */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = ip.parts;
  if (ip.isIPv4MappedAddress() || ip.match(NAT64)) return ipv4Of(parts[6]!, parts[7]!);
  if (ip.range() === "6to4") return ipv4Of(parts[1]!, parts[2]!);
  return undefined;
}

/**
 * An allow-list: only ipaddr.js's `unicast`, the range left when loopback, private, link-local, CGNAT, multicast,
 * documentation, benchmarking and every other special range are taken out; for IPv6 also only inside 2000::/3,
 * where all global unicast lies (`::/8` with its IPv4-compatible addresses, `100::/64` and the rest are not).
 */
function isGlobalUnicast(ip: Address): boolean {
  if (ip.kind() === "ipv4") return ip.range() === "unicast";
  const ipv6 = ip as ipaddr.IPv6;
  const ipv4 = embeddedIPv4(ipv6);
  if (ipv4) return isGlobalUnicast(ipv4);
  return ipv6.range() === "unicast" && ipv6.match(GLOBAL_UNICAST);
}

/** An address listed as allowed, in one form: `::ffff:127.0.0.1` is 127.0.0.1. */
function listedForm(ip: Address): string {
  return (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip).toNormalizedString();
}

export function addressCheck(policy: PrivateAddressPolicy): AddressCheck {
  if (policy === true) return () => true;
  const listed = new Set((policy || []).map((address) => listedForm(ipaddr.process(address))));
  return (address) => {
    const ip = parsed(address);
    return ip !== undefined && (isGlobalUnicast(ip) || listed.has(listedForm(ip)));
  };
}

/** The address written in the URL itself: Node connects to it without a lookup, so it is checked apart. */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/u, "$1");
  return isIP(host) ? host : undefined;
}

type Checked = [ResolvedAddress, ...ResolvedAddress[]];

function checkedAddresses(hostname: string, found: ResolvedAddress[], family: unknown, allowed: AddressCheck): Checked {
  const addresses = found.filter((entry) => !family || entry.family === family);
  // One refused address refuses the name: a host that also points inside the network is not one to visit.
  const refused = addresses.find((entry) => !allowed(entry.address));
  if (refused) throw new RefusedAddress(refused.address);
  const [first, ...rest] = addresses;
  if (!first) throw Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" });
  return [first, ...rest];
}

/**
 * A `lookup` for `http.request`: the socket connects only to addresses returned from here, so the check holds
 * for the address actually connected to, whatever the name resolves to by the time of the next hop.
 */
export function checkedLookup(resolve: Resolver, allowed: AddressCheck): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((found) => checkedAddresses(hostname, found, options.family, allowed))
      .then(
        (addresses) => (options.all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family)),
        (error: NodeJS.ErrnoException) => callback(error, ""),
      );
  };
}
