// The portal's Ed25519 key that signs evidence bundles. EVIDENCE_SIGNING_KEY (a 32-byte seed) when
// set, so the key can outlive a rotation of ENCRYPTION_KEY; otherwise derived from ENCRYPTION_KEY
// through HKDF with its own purpose, like every other subkey (lib/crypto.ts).
import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from "node:crypto";
import { type Env, env } from "../env.ts";
import { evidenceKeyId, publicKeyDocument } from "./evidence-key-format.ts";

/** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410); the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export type EvidenceSigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  document: ReturnType<typeof publicKeyDocument>;
};

/** The 32-byte seed the configuration gives. */
export function evidenceSigningSeed(config: Pick<Env, "ENCRYPTION_KEY" | "EVIDENCE_SIGNING_KEY">): Buffer {
  if (config.EVIDENCE_SIGNING_KEY) return Buffer.from(config.EVIDENCE_SIGNING_KEY, "base64");
  const master = Buffer.from(config.ENCRYPTION_KEY, "base64");
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), "dsar-portal:evidence-signing", 32));
}

export function signingKeyFromSeed(seed: Buffer): EvidenceSigningKey {
  if (seed.length !== 32) throw new Error(`An Ed25519 seed is 32 bytes; got ${seed.length}.`);
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: evidenceKeyId(publicKey), document: publicKeyDocument(publicKey) };
}

let cached: { seed: string; key: EvidenceSigningKey } | undefined;

/** The signing key of this process's configuration. */
export function evidenceSigningKey(): EvidenceSigningKey {
  const seed = evidenceSigningSeed(env()).toString("base64");
  if (cached?.seed !== seed) cached = { seed, key: signingKeyFromSeed(Buffer.from(seed, "base64")) };
  return cached.key;
}
