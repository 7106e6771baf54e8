import { generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { evidenceKeyId, parsePublicKey, publicKeyDocument, publicKeyFromRaw, rawPublicKey } from "./evidence-key-format.ts";
import { evidenceSigningSeed, signingKeyFromSeed } from "./evidence-signing-key.ts";

// RFC 8032, section 7.1, TEST 1.
const rfcSeed = Buffer.from("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "hex");
const rfcPublic = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const rfcSignatureOfEmpty =
  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

describe("the evidence signing key", () => {
  it("builds the Ed25519 key of a seed exactly as RFC 8032 says", () => {
    const key = signingKeyFromSeed(rfcSeed);
    expect(rawPublicKey(key.publicKey).toString("hex")).toBe(rfcPublic);
    expect(sign(null, Buffer.alloc(0), key.privateKey).toString("hex")).toBe(rfcSignatureOfEmpty);
    expect(key.document).toEqual({
      algorithm: "Ed25519",
      publicKey: Buffer.from(rfcPublic, "hex").toString("base64"),
      pem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/),
      keyId: key.keyId,
    });
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("uses EVIDENCE_SIGNING_KEY when set, otherwise a key derived from ENCRYPTION_KEY for this purpose only", () => {
    const master = Buffer.alloc(32, 7).toString("base64");
    const derived = evidenceSigningSeed({ ENCRYPTION_KEY: master, EVIDENCE_SIGNING_KEY: undefined });
    expect(derived).toHaveLength(32);
    expect(derived.equals(Buffer.from(master, "base64"))).toBe(false);
    expect(evidenceSigningSeed({ ENCRYPTION_KEY: master, EVIDENCE_SIGNING_KEY: undefined }).equals(derived)).toBe(true);
    expect(
      evidenceSigningSeed({ ENCRYPTION_KEY: Buffer.alloc(32, 8).toString("base64"), EVIDENCE_SIGNING_KEY: undefined }).equals(derived),
    ).toBe(false);
    const explicit = evidenceSigningSeed({ ENCRYPTION_KEY: master, EVIDENCE_SIGNING_KEY: rfcSeed.toString("base64") });
    expect(explicit.equals(rfcSeed)).toBe(true);
  });
});

describe("reading a public key handed over by a person", () => {
  const key = signingKeyFromSeed(rfcSeed);

  it("accepts the raw key in base64, PEM and the /.well-known document, all as the same key", () => {
    for (const text of [key.document.publicKey, key.document.pem, JSON.stringify(key.document), `  ${key.document.publicKey}\n`]) {
      const parsed = parsePublicKey(text);
      expect(evidenceKeyId(parsed)).toBe(key.keyId);
      expect(verify(null, Buffer.from("m"), parsed, sign(null, Buffer.from("m"), key.privateKey))).toBe(true);
    }
  });

  it("refuses a private key, another algorithm, a wrong length and plain garbage, saying what it expected", () => {
    const pkcs8 = key.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(() => parsePublicKey(pkcs8)).toThrow(/not a PUBLIC KEY \(never pass a private key\)/);
    const ecKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "pem", type: "spki" }).toString();
    expect(() => parsePublicKey(ecKey)).toThrow(/is ec, not Ed25519/);
    expect(() => publicKeyFromRaw(Buffer.alloc(31))).toThrow(/32 bytes; this one is 31/);
    expect(() => parsePublicKey("hello")).toThrow(/32 bytes in base64/);
    expect(() => parsePublicKey("{ not json")).toThrow(/does not parse/);
    expect(() => parsePublicKey('{"pem":"x"}')).toThrow(/no "publicKey"/);
  });

  it("gives the document the portal publishes", () => {
    expect(publicKeyDocument(key.publicKey)).toEqual(key.document);
  });
});
