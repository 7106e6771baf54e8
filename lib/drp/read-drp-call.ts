// What every DRP route reads first: the rate limit of the caller, then the raw body (the signed
// text, never parsed as JSON before its signature is checked). No Content-Type is required.
import { env } from "../env.ts";
import { clientAddress } from "../http/client-address.ts";
import { consumeRateLimit } from "../security/rate-limit.ts";
import { DrpError } from "./drp-error.ts";

/** A signed DRP message is a few kilobytes; a larger body is refused before it is read in full. */
export const MAX_DRP_BODY_BYTES = 64 * 1024;

/** The limits, from the environment (DRP_RATE_LIMIT_*; defaults 600 and 300 a minute). */
export function drpRateLimits() {
  const config = env();
  return {
    /** Per client address, every DRP call: enough for a busy agent, not for a flood. */
    perAddress: { name: "drp-address", limit: config.DRP_RATE_LIMIT_PER_ADDRESS_PER_MINUTE, windowSeconds: 60 },
    /** Per agent, new requests. */
    perAgentFilings: { name: "drp-agent-filings", limit: config.DRP_RATE_LIMIT_FILINGS_PER_AGENT_PER_MINUTE, windowSeconds: 60 },
  };
}

/** Every DRP call first: the client address (the socket's, or as TRUST_PROXY says; never a header the client chose). */
export async function limitDrpCaller(req: Request): Promise<void> {
  await consumeRateLimit(drpRateLimits().perAddress, clientAddress(req.headers));
}

export async function readSignedBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_DRP_BODY_BYTES) throw new DrpError(413, `The body is larger than ${MAX_DRP_BODY_BYTES / 1024} KB.`, true);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_DRP_BODY_BYTES)
    throw new DrpError(413, `The body is larger than ${MAX_DRP_BODY_BYTES / 1024} KB.`, true);
  return text;
}
