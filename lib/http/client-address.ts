// The caller's address, for rate limits only (it is hashed before use and never stored).
import { env } from "../env.ts";

export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return headers.get("x-real-ip") ?? "unknown";
  // Behind a trusted proxy the client is the first hop it reports; otherwise only the hop added
  // by our own server can be believed.
  return env().TRUST_PROXY ? forwarded[0] : forwarded[forwarded.length - 1];
}
