// Where an http connector may connect: not to loopback, link-local, private or otherwise internal
// addresses (the portal's own services, a cloud metadata endpoint, the office network), unless the
// operator lists the host in CONNECTOR_ALLOWED_HOSTS. The check runs on every address the name
// resolves to, in the lookup the socket itself uses when it connects: a name that answers with a
// public address to a first query and with 127.0.0.1 to the next (DNS rebinding) gets nowhere.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from "node:dns";
import { BlockList, isIP } from "node:net";

/** Ranges refused unless allowed, each with the word an error uses for it. */
const refusedRanges: Array<[kind: string, network: string, prefix: number, family: "ipv4" | "ipv6"]> = [
  ["loopback", "127.0.0.0", 8, "ipv4"],
  ["loopback", "::1", 128, "ipv6"],
  ["unspecified", "0.0.0.0", 8, "ipv4"], // 0.0.0.0 reaches the local host
  ["unspecified", "::", 128, "ipv6"],
  ["link-local", "169.254.0.0", 16, "ipv4"], // cloud metadata endpoints live here
  ["link-local", "fe80::", 10, "ipv6"],
  ["private", "10.0.0.0", 8, "ipv4"],
  ["private", "172.16.0.0", 12, "ipv4"],
  ["private", "192.168.0.0", 16, "ipv4"],
  ["private", "100.64.0.0", 10, "ipv4"], // carrier-grade NAT, shared address space
  ["private", "fc00::", 7, "ipv6"], // unique local addresses
  ["multicast or reserved", "224.0.0.0", 3, "ipv4"],
  ["multicast or reserved", "ff00::", 8, "ipv6"],
];

const refusedLists = new Map<string, BlockList>();
for (const [kind, network, prefix, family] of refusedRanges) {
  const list = refusedLists.get(kind) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  refusedLists.set(kind, list);
}

/** A connection refused by this guard; `code` lets callers tell it from a network failure. */
export class RefusedAddressError extends Error {
  readonly code = "EREFUSEDADDRESS";
  constructor(
    readonly host: string,
    readonly kind: string,
  ) {
    super(`${host} is or resolves to a ${kind} address, which connectors may not call unless CONNECTOR_ALLOWED_HOSTS lists the host`);
    this.name = "RefusedAddressError";
  }
}

export type AllowedHosts = { names: Set<string>; addresses: BlockList };

/** One entry of CONNECTOR_ALLOWED_HOSTS: a host name, an IP address, or a range in CIDR notation. */
export function isAllowedHostEntry(entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  if (extra !== undefined) return false;
  if (prefix !== undefined) {
    const family = isIP(address);
    const bits = Number(prefix);
    return family !== 0 && /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
  }
  if (isIP(stripBrackets(address))) return true;
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i.test(address);
}

export function allowedHosts(entries: string[]): AllowedHosts {
  const allowed: AllowedHosts = { names: new Set(), addresses: new BlockList() };
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const bare = stripBrackets(address);
    const family = isIP(bare);
    if (family === 0) allowed.names.add(normaliseName(entry));
    else if (prefix !== undefined) allowed.addresses.addSubnet(bare, Number(prefix), family === 4 ? "ipv4" : "ipv6");
    else allowed.addresses.addAddress(bare, family === 4 ? "ipv4" : "ipv6");
  }
  return allowed;
}

/** The kind of internal address `address` is, or null when a connector may call it. */
export function refusedKind(address: string, allowed: AllowedHosts): string | null {
  const ip = canonical(address);
  if (!ip) return "unparseable";
  if (allowed.addresses.check(ip.address, ip.family)) return null;
  for (const [kind, list] of refusedLists) if (list.check(ip.address, ip.family)) return kind;
  return null;
}

/** For a URL whose host is an IP address (no lookup happens then): the refusal, if any. */
export function refusedLiteral(hostname: string, allowed: AllowedHosts): RefusedAddressError | null {
  const bare = stripBrackets(hostname);
  if (isIP(bare) === 0) return null;
  const kind = refusedKind(bare, allowed);
  return kind ? new RefusedAddressError(bare, kind) : null;
}

type Resolve = (hostname: string, options: LookupAllOptions, callback: (error: Error | null, addresses: LookupAddress[]) => void) => void;
type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request / net.connect: resolves every address of the name and refuses the
 * connection when any of them is internal and the name is not allowed. A listed name is trusted
 * whatever it resolves to.
 */
export function checkedLookup(allowed: AllowedHosts, resolve: Resolve = dnsLookup as unknown as Resolve) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (!allowed.names.has(normaliseName(hostname))) {
        for (const { address } of addresses) {
          const kind = refusedKind(address, allowed);
          if (kind) return callback(new RefusedAddressError(hostname, kind), []);
        }
      }
      if ((options as LookupAllOptions).all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
}

function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/**
 * The address as the block lists compare it. An IPv6 address that carries an IPv4 one
 * (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96) is checked as that
 * IPv4 address, since that is where the packets go.
 */
function canonical(address: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const family = isIP(address);
  if (family === 4) return { address, family: "ipv4" };
  if (family !== 6) return null;
  const groups = expandIpv6(address.split("%")[0]);
  if (!groups) return null;
  const embedsV4 =
    (groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || (groups[5] === 0 && groups[6] !== 0))) ||
    (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0));
  if (embedsV4) {
    const v4 = [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
    return { address: v4, family: "ipv4" };
  }
  return { address, family: "ipv6" };
}

/** The eight 16-bit groups of an IPv6 address (with a trailing dotted IPv4 part, if any). */
function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const bytes = dotted[1].split(".").map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((bytes[0] << 8) | bytes[1]).toString(16)}:${((bytes[2] << 8) | bytes[3]).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => Number.parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  const groups = [...left, ...new Array(tail === undefined ? 0 : missing).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}
