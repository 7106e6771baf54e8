// A signed DRP message (DRP 3.07.1): base64 of a 64-byte Ed25519 signature followed by the JSON
// bytes it signs (libsodium's "combined mode"). The bytes received are verified as they are, never
// re-serialised, and only then parsed.
import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { DrpError } from "./drp-error.ts";

const SIGNATURE_BYTES = 64;

/** The agent's verify key (base64 of 32 raw bytes) as a key object; throws naming the problem. */
export function drpVerifyKey(base64: string): KeyObject {
  const raw = /^[A-Za-z0-9+/]{43}=$/.test(base64) ? Buffer.from(base64, "base64") : null;
  if (raw === null || raw.length !== 32)
    throw new Error("The verify key must be the base64 of a 32-byte Ed25519 public key (44 characters ending in =).");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

export type SignedMessage = { claims: Record<string, unknown>; signature: Buffer };

export function openSignedMessage(body: string, verifyKey: string): SignedMessage {
  const text = body.trim();
  if (!text || !/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new DrpError(403, "The body is not a signed message: expected the base64 of a signature followed by the JSON it signs.");
  }
  const bytes = Buffer.from(text, "base64");
  if (bytes.length <= SIGNATURE_BYTES) throw new DrpError(403, "The signed message is too short to hold a signature and a message.");
  const signature = bytes.subarray(0, SIGNATURE_BYTES);
  const message = bytes.subarray(SIGNATURE_BYTES);
  if (!verify(null, message, drpVerifyKey(verifyKey), signature)) {
    throw new DrpError(403, "The signature does not match the agent's verify key: the message was altered or signed with another key.");
  }
  let claims: unknown;
  try {
    claims = JSON.parse(message.toString("utf8"));
  } catch {
    throw new DrpError(400, "The signed message is not JSON.", true);
  }
  if (!claims || typeof claims !== "object" || Array.isArray(claims))
    throw new DrpError(400, "The signed message is not a JSON object.", true);
  return { claims: claims as Record<string, unknown>, signature: Buffer.from(signature) };
}
