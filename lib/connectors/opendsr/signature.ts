// OpenDSR signatures: the processor signs the raw body of each callback and answer with the key of
// its certificate (SHA-256 with RSA, or ECDSA), base64 in X-OpenDSR-Signature, and names the domain
// the certificate was issued to in X-OpenDSR-Processor-Domain. Checked over the bytes received,
// before anything is parsed; the certificate is the one pinned in the connector's config.
import { createPrivateKey, type KeyObject, sign, verify, X509Certificate } from "node:crypto";

export const OPENDSR_SIGNATURE_HEADER = "X-OpenDSR-Signature";
export const OPENDSR_DOMAIN_HEADER = "X-OpenDSR-Processor-Domain";

export type OpendsrSignatureCheck =
  | { ok: true }
  | { ok: false; reason: "missing" | "malformed" | "wrong-domain" | "certificate-expired" | "certificate-domain" | "mismatch" };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The X-OpenDSR-Signature value for a body (the processor's side; used by tests and tools). */
export function signOpendsrBody(privateKeyPem: string | KeyObject, rawBody: string | Uint8Array): string {
  const key = typeof privateKeyPem === "string" ? createPrivateKey(privateKeyPem) : privateKeyPem;
  return sign("sha256", toBytes(rawBody), key).toString("base64");
}

/** Checks a signed callback or answer against the pinned certificate; `now` is for tests. */
export function verifyOpendsrSignature(options: {
  certificate: string;
  domain: string;
  rawBody: string | Uint8Array;
  signatureHeader: string | null | undefined;
  domainHeader: string | null | undefined;
  now?: Date;
}): OpendsrSignatureCheck {
  // Signatures are often folded over several lines, as in the specification's examples.
  const signature = options.signatureHeader?.replace(/\s+/g, "");
  const domain = options.domainHeader?.trim().toLowerCase();
  if (!signature || !domain) return { ok: false, reason: "missing" };
  if (!BASE64.test(signature)) return { ok: false, reason: "malformed" };
  if (domain !== options.domain.toLowerCase()) return { ok: false, reason: "wrong-domain" };
  const certificate = new X509Certificate(options.certificate);
  const now = (options.now ?? new Date()).getTime();
  if (now < Date.parse(certificate.validFrom) || now > Date.parse(certificate.validTo)) return { ok: false, reason: "certificate-expired" };
  if (!certificate.checkHost(domain, { wildcards: true, subject: "default" })) return { ok: false, reason: "certificate-domain" };
  let valid = false;
  try {
    valid = verify("sha256", toBytes(options.rawBody), certificate.publicKey, Buffer.from(signature, "base64"));
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : { ok: false, reason: "mismatch" };
}

function toBytes(rawBody: string | Uint8Array): Buffer {
  return typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
}
