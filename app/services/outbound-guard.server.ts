import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Server-side requests to addresses an editor typed in (the link checker) must not reach the
 * portal's own network (ASVS 5.2.6, 12.6.1; docs/decisions/047): loopback, private, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local and unspecified addresses
 * are refused unless the host is on LINK_CHECK_ALLOW_HOSTS. The check runs inside the socket's
 * DNS lookup, so the address checked is the address connected to (no second resolution).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** Is the literal IP address one the portal must not call? IPv4-mapped IPv6 counts as IPv4. */
export function isInternalAddress(address: string): boolean {
  const mapped = address.toLowerCase().startsWith("::ffff:") ? address.slice(7) : address;
  const family = isIP(mapped);
  if (family === 4) return blocked.check(mapped, "ipv4");
  if (family === 6) return blocked.check(mapped, "ipv6");
  return true;
}

function hostAllowed(host: string, allowHosts: string[]): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return allowHosts.includes(bare);
}

export class InternalAddressError extends Error {
  constructor(host: string) {
    super(`refused: ${host} is an internal address`);
    this.name = "InternalAddressError";
  }
}

/** Refuses an IP-literal host at once (the socket does no lookup for those). */
export function checkLiteralHost(host: string, allowHosts: string[]): void {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare) && isInternalAddress(bare) && !hostAllowed(host, allowHosts)) throw new InternalAddressError(host);
}

/** A `lookup` for http(s).request that resolves once and refuses internal addresses. */
export function guardedLookup(allowHosts: string[]): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const allow = hostAllowed(hostname, allowHosts);
      // Every address must be external: a name with one internal record could be steered there.
      if (!allow && (addresses.length === 0 || addresses.some((a) => isInternalAddress(a.address)))) {
        return callback(new InternalAddressError(hostname));
      }
      if (options?.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}
