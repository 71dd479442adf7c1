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

/** `process` reads `::ffff:10.0.0.1` as the IPv4 address it carries, so a mapped address is judged as that one. */
function parsed(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  return ipaddr.isValid(address) ? ipaddr.process(address) : undefined;
}

/** Only `unicast` is public: loopback, private, link-local, CGNAT, multicast, reserved and the rest are all other ranges. */
export function addressCheck(policy: PrivateAddressPolicy): AddressCheck {
  if (policy === true) return () => true;
  const listed = new Set((policy || []).map((address) => ipaddr.process(address).toNormalizedString()));
  return (address) => {
    const ip = parsed(address);
    return ip !== undefined && (ip.range() === "unicast" || listed.has(ip.toNormalizedString()));
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
