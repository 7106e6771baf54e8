import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, generateTotpSecret, totpCode, totpStep, totpUri, verifyTotp } from "./totp.ts";

// RFC 6238 appendix B: the SHA-1 secret is the ASCII string "12345678901234567890".
const rfcSecret = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
    [20000000000, "353130"],
  ])("gives the RFC 6238 code at %i seconds", (seconds, expected) => {
    expect(totpCode(rfcSecret, totpStep(new Date(seconds * 1000)))).toBe(expected);
  });

  it("accepts the code of the previous, current and next step, and no other", () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    for (const delta of [-1, 0, 1]) expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step + delta), now, null)).toBe(step + delta);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step - 2), now, null)).toBeNull();
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step + 2), now, null)).toBeNull();
  });

  it("refuses a code already used, and malformed input", () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    const code = totpCode(rfcSecret, step);
    expect(verifyTotp(rfcSecret, code, now, step)).toBeNull();
    expect(verifyTotp(rfcSecret, "12345", now, null)).toBeNull();
    expect(verifyTotp(rfcSecret, "abcdef", now, null)).toBeNull();
    expect(verifyTotp(rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
  });

  it("round-trips base32 and makes 160-bit secrets", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  it("builds an otpauth URI authenticator apps read", () => {
    const uri = totpUri({ secret: "JBSWY3DPEHPK3PXP", account: "ana@example.com", issuer: "Example Co" });
    expect(uri).toBe(
      "otpauth://totp/Example%20Co%3Aana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example+Co&algorithm=SHA1&digits=6&period=30",
    );
  });
});
