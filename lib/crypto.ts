// Tokens, hashes and encryption at rest. Every secret of the portal derives from ENCRYPTION_KEY
// through HKDF, one subkey per purpose, so a key used for hashing never encrypts anything.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { env } from "./env.ts";

function masterKey(): Buffer {
  return Buffer.from(env().ENCRYPTION_KEY, "base64");
}

const subkeys = new Map<string, Buffer>();
function subkey(purpose: string): Buffer {
  let key = subkeys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", masterKey(), Buffer.alloc(0), `dsar-portal:${purpose}`, 32));
    subkeys.set(purpose, key);
  }
  return key;
}

/** An unguessable token for links (256 bits, URL-safe). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A 6-digit one-time code. */
export function randomCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

const referenceAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U

/** A human reference such as DSR-7K3M-Q9PX (40 bits: unique enough, and checked by a unique index). */
export function randomReference(): string {
  const chars = Array.from({ length: 8 }, () => referenceAlphabet[randomInt(0, referenceAlphabet.length)]);
  return `DSR-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** Keyed hash of a secret or an identifier: useless without the server's key, even for short codes. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", subkey(`hash:${purpose}`))
    .update(value)
    .digest("base64url");
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailHash(email: string): string {
  return keyedHash("email", normaliseEmail(email));
}

/** AES-256-GCM with a random nonce: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptString(plaintext: string, purpose = "secrets"): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", subkey(`enc:${purpose}`), iv);
  cipher.setAAD(Buffer.from(purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptString(envelope: string, purpose = "secrets"): string {
  const [version, iv, tag, ciphertext] = envelope.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) {
    throw new Error("Not an encrypted value of this portal (unknown envelope format)");
  }
  const decipher = createDecipheriv("aes-256-gcm", subkey(`enc:${purpose}`), Buffer.from(iv, "base64url"), {
    // A shortened tag would weaken the integrity check: only the full 128 bits are accepted.
    authTagLength: 16,
  });
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
