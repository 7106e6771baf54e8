import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "./signature.ts";

const secret = "s3cret-s3cret-s3cret-s3cret-s3cret-42";
const body = JSON.stringify({ records: [{ category: "orders", fields: { id: 1, note: "café" } }] });
const now = new Date("2026-03-01T12:00:00Z");
const nowSeconds = now.getTime() / 1000;

function check(overrides: Partial<Parameters<typeof verifySignature>[0]> = {}) {
  const signed = signPayload(secret, body, nowSeconds);
  return verifySignature({
    secret,
    rawBody: body,
    timestampHeader: signed.timestamp,
    signatureHeader: signed.signature,
    now,
    ...overrides,
  });
}

describe("signPayload and verifySignature", () => {
  it("accepts what it signed", () => {
    const signed = signPayload(secret, body, nowSeconds);
    expect(signed.timestamp).toBe(String(nowSeconds));
    expect(signed.signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(check()).toEqual({ ok: true });
  });

  it("signs the current time by default", () => {
    const before = Math.floor(Date.now() / 1000);
    const signed = signPayload(secret, body);
    expect(Number(signed.timestamp)).toBeGreaterThanOrEqual(before);
    expect(verifySignature({ secret, rawBody: body, timestampHeader: signed.timestamp, signatureHeader: signed.signature })).toEqual({
      ok: true,
    });
  });

  it("accepts the raw body as bytes, the same as the string", () => {
    expect(check({ rawBody: Buffer.from(body, "utf8") })).toEqual({ ok: true });
  });

  it("refuses a body with one byte changed", () => {
    const changed = body.replace("orders", "orderz");
    expect(check({ rawBody: changed })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a signature moved to another timestamp", () => {
    expect(check({ timestampHeader: String(nowSeconds - 1) })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a signature made with another secret", () => {
    const forged = signPayload("another-secret-another-secret-1234", body, nowSeconds);
    expect(check({ signatureHeader: forged.signature })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ secret: "another-secret-another-secret-1234" })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a call signed 6 minutes ago or 6 minutes ahead", () => {
    for (const offset of [-360, 360]) {
      const signed = signPayload(secret, body, nowSeconds + offset);
      expect(verifySignature({ secret, rawBody: body, timestampHeader: signed.timestamp, signatureHeader: signed.signature, now })).toEqual(
        {
          ok: false,
          reason: "expired",
        },
      );
    }
  });

  it("accepts a call within 5 minutes either way", () => {
    for (const offset of [-300, -60, 60, 300]) {
      const signed = signPayload(secret, body, nowSeconds + offset);
      expect(verifySignature({ secret, rawBody: body, timestampHeader: signed.timestamp, signatureHeader: signed.signature, now })).toEqual(
        {
          ok: true,
        },
      );
    }
  });

  it("says when a header is missing", () => {
    expect(check({ timestampHeader: undefined })).toEqual({ ok: false, reason: "missing" });
    expect(check({ signatureHeader: null })).toEqual({ ok: false, reason: "missing" });
    expect(check({ signatureHeader: "  " })).toEqual({ ok: false, reason: "missing" });
  });

  it("says when a header is malformed", () => {
    const { signature } = signPayload(secret, body, nowSeconds);
    const hex = signature.slice(3);
    for (const bad of [hex, `v2=${hex}`, `v1=${hex.slice(1)}`, `v1=${hex}00`, `v1=${"z".repeat(64)}`, `sha256=${hex}`]) {
      expect(check({ signatureHeader: bad })).toEqual({ ok: false, reason: "malformed" });
    }
    for (const bad of ["yesterday", "-5", "1.5", "2026-03-01T12:00:00Z", "1e9"]) {
      expect(check({ timestampHeader: bad })).toEqual({ ok: false, reason: "malformed" });
    }
  });
});
