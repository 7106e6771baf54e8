// Client addresses for calls that carry the web server's socket header. Per-address rate limits
// live in the database that every integration file of a run shares, so a fixed address (or a
// counter starting at the same place in two files) lets one file's calls use up another's quota.
// Each address here is drawn from 120 random bits of the unique-local IPv6 range: no two tests meet.
import { randomBytes } from "node:crypto";

function groups(bytes: Buffer): string[] {
  return Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16));
}

/** An address no other call of the run uses (unless handed on by the caller). */
export function freshClientAddress(): string {
  return `fd${randomBytes(1).toString("hex")}:${groups(randomBytes(14)).join(":")}`;
}

/** A block of addresses of its own (a random /64) with a reproducible address per index, for seeded runs. */
export function clientAddressBlock(): (index: number) => string {
  const prefix = `fd${randomBytes(1).toString("hex")}:${groups(randomBytes(6)).join(":")}`;
  return (index) => `${prefix}:0:0:${Math.floor(index / 65536).toString(16)}:${(index % 65536).toString(16)}`;
}
