// Signing of the portal's calls and of the system's callbacks: HMAC-SHA256 over
// "<unix seconds>.<raw body>", sent as X-DSAR-Timestamp and X-DSAR-Signature: v1=<hex>.
// The timestamp is signed too, so a captured call cannot be replayed after the tolerance.
import { createHmac, timingSafeEqual } from "node:crypto";

export const TIMESTAMP_HEADER = "X-DSAR-Timestamp";
export const SIGNATURE_HEADER = "X-DSAR-Signature";

/** How far a timestamp may be from now, either way: covers clock drift and slow networks, not replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const TIMESTAMP_FORMAT = /^\d{1,12}$/;
const SIGNATURE_FORMAT = /^v1=([0-9a-fA-F]{64})$/;

type RawBody = string | Uint8Array;

function hmac(secret: string, timestamp: string, rawBody: RawBody): Buffer {
  // The body is hashed as the bytes sent: re-serialising parsed JSON would change them.
  return createHmac("sha256", secret)
    .update(`${timestamp}.`)
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .digest();
}

/** The values of the X-DSAR-Timestamp and X-DSAR-Signature headers for a body. */
export function signPayload(
  secret: string,
  rawBody: RawBody,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): { timestamp: string; signature: string } {
  const timestamp = String(Math.floor(timestampSeconds));
  return { timestamp, signature: `v1=${hmac(secret, timestamp, rawBody).toString("hex")}` };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "expired" | "mismatch" };

/** Checks a signed call or callback; `now` is for tests. */
export function verifySignature(options: {
  secret: string;
  rawBody: RawBody;
  timestampHeader: string | null | undefined;
  signatureHeader: string | null | undefined;
  now?: Date;
}): SignatureCheck {
  const timestamp = options.timestampHeader?.trim();
  const signature = options.signatureHeader?.trim();
  if (!timestamp || !signature) return { ok: false, reason: "missing" };
  const given = SIGNATURE_FORMAT.exec(signature);
  if (!TIMESTAMP_FORMAT.test(timestamp) || !given) return { ok: false, reason: "malformed" };
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: "expired" };
  const expected = hmac(options.secret, timestamp, options.rawBody);
  // Constant-time, so the comparison does not tell an attacker how many leading bytes were right.
  const matches = timingSafeEqual(expected, Buffer.from(given[1], "hex"));
  return matches ? { ok: true } : { ok: false, reason: "mismatch" };
}
