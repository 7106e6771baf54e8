import { describe, expect, it } from "vitest";
import { makeTestCertificate } from "../../../tests/support/test-certificate.ts";
import { signOpendsrBody, verifyOpendsrSignature } from "./signature.ts";

const domain = "opendsr.processor.test";
const processor = makeTestCertificate(domain);
const other = makeTestCertificate(domain);
const body = '{"subject_request_id":"a7551968-d5d6-44b2-9831-815ac9017798","request_status":"completed"}';
const now = new Date();

function check(overrides: Partial<Parameters<typeof verifyOpendsrSignature>[0]> = {}) {
  return verifyOpendsrSignature({
    certificate: processor.certificatePem,
    domain,
    rawBody: body,
    signatureHeader: signOpendsrBody(processor.privateKey, body),
    domainHeader: domain,
    now,
    ...overrides,
  });
}

describe("OpenDSR signatures", () => {
  it("accepts the raw body signed by the certificate's key, also when the header is folded over lines", () => {
    expect(check()).toEqual({ ok: true });
    const folded = signOpendsrBody(processor.privateKeyPem, body).replace(/(.{80})/g, "$1\n ");
    expect(check({ signatureHeader: folded })).toEqual({ ok: true });
  });

  it("refuses a body changed after signing, even by one space", () => {
    expect(check({ rawBody: body.replace(":", ": ") })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a signature by another key for the same domain", () => {
    expect(check({ signatureHeader: signOpendsrBody(other.privateKey, body) })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a missing or malformed signature, and another domain", () => {
    expect(check({ signatureHeader: undefined })).toEqual({ ok: false, reason: "missing" });
    expect(check({ domainHeader: null })).toEqual({ ok: false, reason: "missing" });
    expect(check({ signatureHeader: "not base64!" })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ domainHeader: "evil.example" })).toEqual({ ok: false, reason: "wrong-domain" });
  });

  it("refuses a certificate issued to another domain than the one configured", () => {
    const elsewhere = makeTestCertificate("elsewhere.test");
    expect(check({ certificate: elsewhere.certificatePem, signatureHeader: signOpendsrBody(elsewhere.privateKey, body) })).toEqual({
      ok: false,
      reason: "certificate-domain",
    });
  });

  it("refuses signatures once the certificate has expired, or before it is valid", () => {
    const expired = makeTestCertificate(domain, {
      notBefore: new Date("2020-01-01T00:00:00Z"),
      notAfter: new Date("2021-01-01T00:00:00Z"),
    });
    const signature = signOpendsrBody(expired.privateKey, body);
    expect(check({ certificate: expired.certificatePem, signatureHeader: signature })).toEqual({
      ok: false,
      reason: "certificate-expired",
    });
    expect(check({ certificate: expired.certificatePem, signatureHeader: signature, now: new Date("2020-06-01T00:00:00Z") })).toEqual({
      ok: true,
    });
  });
});
