// The caller's address, for rate limits only (it is hashed before use and never stored).
//
// Route handlers and server actions never see the socket: Next.js only copies it into
// X-Forwarded-For when the client sent no such header, so that header is whatever the client
// chose. The web server (scripts/web-server.ts) therefore writes the socket's peer address into
// SOCKET_ADDRESS_HEADER on every request, replacing anything the client sent under that name, and
// marks the process so this module believes that header. Without the mark (a process started some
// other way) the header proves nothing: every caller counts as "unknown" and a warning is logged.
import { env } from "../env.ts";
import { logger } from "../logger.ts";

export const SOCKET_ADDRESS_HEADER = "x-dsar-socket-address";
const mark = Symbol.for("dsar.socketAddressHeader");
const marks = globalThis as { [mark]?: boolean };

/** Called by the web server that sets SOCKET_ADDRESS_HEADER itself (and by tests playing it). */
export function trustSocketAddressHeader(): void {
  marks[mark] = true;
}

export function clientAddress(headers: Headers): string {
  const config = env();
  return resolveClientAddress({
    socketAddress: () => socketAddress(headers),
    forwardedFor: headers.get("x-forwarded-for"),
    trustProxy: config.TRUST_PROXY,
    hops: config.TRUST_PROXY_HOPS,
  });
}

/**
 * Without a trusted proxy, the socket's peer. Behind `hops` proxies that each append the address
 * they received the call from, the entry `hops` from the right of X-Forwarded-For (what the
 * outermost of our proxies saw); entries further left were written by the client. With fewer
 * entries than hops, the leftmost one (the furthest our proxies report); with none, the socket.
 */
export function resolveClientAddress(input: {
  socketAddress: () => string;
  forwardedFor: string | null;
  trustProxy: boolean;
  hops: number;
}): string {
  if (!input.trustProxy) return input.socketAddress();
  const entries = (input.forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (entries.length === 0) return input.socketAddress();
  return entries[Math.max(0, entries.length - input.hops)];
}

let warned = false;

function socketAddress(headers: Headers): string {
  if (marks[mark]) return headers.get(SOCKET_ADDRESS_HEADER) || "unknown";
  if (!warned) {
    warned = true;
    logger.warn(
      "The web app was not started by scripts/web-server.ts: client addresses are unknown and per-address limits are shared by every caller.",
    );
  }
  return "unknown";
}
