// Ed25519 public keys as the portal publishes them: 32 raw bytes in base64, PEM (SPKI), and a key id
// (the start of the SHA-256 of the raw key) that names a key in a manifest. Pure: the offline
// verifier uses it, so it reads no configuration and opens no database.
import { createHash, createPublicKey, type KeyObject } from "node:crypto";

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export class EvidenceKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvidenceKeyError";
  }
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new EvidenceKeyError(`An Ed25519 public key is 32 bytes; this one is ${raw.length}.`);
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

export function rawPublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== "ed25519")
    throw new EvidenceKeyError(`Expected an Ed25519 key, got ${key.asymmetricKeyType ?? "a secret key"}.`);
  const der = key.export({ format: "der", type: "spki" });
  return der.subarray(ED25519_SPKI_PREFIX.length);
}

/** 16 hex characters of the SHA-256 of the raw key: enough to tell keys apart, short enough to read aloud. */
export function evidenceKeyId(key: KeyObject): string {
  return createHash("sha256").update(rawPublicKey(key)).digest("hex").slice(0, 16);
}

export function publicKeyPem(key: KeyObject): string {
  return key.export({ format: "pem", type: "spki" }).toString();
}

/** What /.well-known/evidence-key serves and `npm run admin -- evidence-key` prints. */
export function publicKeyDocument(key: KeyObject) {
  return {
    algorithm: "Ed25519" as const,
    publicKey: rawPublicKey(key).toString("base64"),
    pem: publicKeyPem(key),
    keyId: evidenceKeyId(key),
  };
}

const BASE64_RAW_KEY = /^[A-Za-z0-9+/]{43}=$/;

/**
 * A public key as a person may hand it over: PEM, the raw key in base64, or the JSON document
 * served at /.well-known/evidence-key. Throws EvidenceKeyError saying what was expected.
 */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let document: unknown;
    try {
      document = JSON.parse(trimmed);
    } catch {
      throw new EvidenceKeyError("The key looks like JSON but does not parse.");
    }
    const publicKey = (document as { publicKey?: unknown } | null)?.publicKey;
    if (typeof publicKey !== "string") throw new EvidenceKeyError('The JSON key document has no "publicKey" string.');
    return parsePublicKey(publicKey);
  }
  if (trimmed.includes("-----BEGIN")) {
    if (!trimmed.includes("-----BEGIN PUBLIC KEY-----"))
      throw new EvidenceKeyError("The PEM text is not a PUBLIC KEY (never pass a private key).");
    let key: KeyObject;
    try {
      key = createPublicKey(trimmed);
    } catch {
      throw new EvidenceKeyError("The PEM public key does not parse.");
    }
    if (key.asymmetricKeyType !== "ed25519") throw new EvidenceKeyError(`The PEM key is ${key.asymmetricKeyType}, not Ed25519.`);
    return key;
  }
  if (!BASE64_RAW_KEY.test(trimmed)) {
    throw new EvidenceKeyError(
      "Give the public key as 32 bytes in base64 (44 characters ending in '='), a PEM file or the JSON of /.well-known/evidence-key.",
    );
  }
  return publicKeyFromRaw(Buffer.from(trimmed, "base64"));
}
